-- SearchAllRelatedItems walks an index in the requested order from its cursor instead of reading the domain
-- (issue 10). The item's type is derived from the stored document, so every statement that writes the document
-- keeps it right without naming it.
ALTER TABLE related_items ADD COLUMN item_type text COLLATE "C"
    GENERATED ALWAYS AS (doc -> 'content' ->> '@type') STORED;

-- Association-time order (the default), any filters. Sorting by case id walks the primary key.
CREATE INDEX related_items_by_association
    ON related_items (domain_id, association_time, case_id, related_item_id);
-- A filter on one type, in either order.
CREATE INDEX related_items_by_type_association
    ON related_items (domain_id, item_type, association_time, case_id, related_item_id);
CREATE INDEX related_items_by_type_case
    ON related_items (domain_id, item_type, case_id, related_item_id);
