-- Issue 9: a domain's configuration (fields and their options, templates, case rules, event configuration) is one
-- versioned value that each instance caches. config_version grows with every change to any part of it, whatever
-- code path makes the change (these triggers), so a case write can carry the version it validated against and be
-- refused when it moved.
ALTER TABLE domains ADD COLUMN config_version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION opencases_configuration_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE domains SET config_version = config_version + 1
    WHERE domain_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.domain_id ELSE NEW.domain_id END);
    RETURN NULL;
END
$$;

CREATE TRIGGER fields_configuration_changed AFTER INSERT OR UPDATE OR DELETE ON fields
    FOR EACH ROW EXECUTE FUNCTION opencases_configuration_changed();
CREATE TRIGGER field_options_configuration_changed AFTER INSERT OR UPDATE OR DELETE ON field_options
    FOR EACH ROW EXECUTE FUNCTION opencases_configuration_changed();
CREATE TRIGGER templates_configuration_changed AFTER INSERT OR UPDATE OR DELETE ON templates
    FOR EACH ROW EXECUTE FUNCTION opencases_configuration_changed();
CREATE TRIGGER case_rules_configuration_changed AFTER INSERT OR UPDATE OR DELETE ON case_rules
    FOR EACH ROW EXECUTE FUNCTION opencases_configuration_changed();

CREATE FUNCTION opencases_event_configuration_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.config_version := OLD.config_version + 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER domains_event_configuration_changed BEFORE UPDATE OF event_configuration ON domains
    FOR EACH ROW WHEN (OLD.event_configuration IS DISTINCT FROM NEW.event_configuration)
    EXECUTE FUNCTION opencases_event_configuration_changed();
