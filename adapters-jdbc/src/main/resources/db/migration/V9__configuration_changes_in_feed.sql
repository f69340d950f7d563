-- Issue 9: a change to a domain's configuration is recorded in the change feed, so every instance following the
-- feed evicts its cached configuration of the domain. Such a row names no case, as a domain deletion does; this
-- column tells them apart. A constant default adds the column without rewriting the table, and the rows already
-- there (case changes and domain deletions) keep their meaning.
ALTER TABLE case_changes ADD COLUMN configuration boolean NOT NULL DEFAULT false;
-- NOT VALID: the rows already there are all false; only new rows need checking, and the check needs no scan.
ALTER TABLE case_changes ADD CONSTRAINT case_changes_configuration_names_no_case
    CHECK (NOT configuration OR case_id IS NULL) NOT VALID;
