-- Administration: the audit log and the personal-data access log are read by administrators with
-- filters (who, what, when), and neither may be rewritten once written.
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_user_idx ON audit_log (username, id DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action text_pattern_ops, id DESC);
CREATE INDEX personal_data_access_user_idx ON personal_data_access (username, at DESC);
CREATE INDEX personal_data_access_at_idx ON personal_data_access (at DESC);

CREATE FUNCTION log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION log_append_only();
CREATE TRIGGER personal_data_access_no_update BEFORE UPDATE OR DELETE ON personal_data_access
  FOR EACH ROW EXECUTE FUNCTION log_append_only();
