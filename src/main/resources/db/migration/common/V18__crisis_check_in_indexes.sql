-- The live roster polls every few seconds per viewer: the need-help and recently-safe
-- lists (newest answers first) and the no-response list are read through the
-- incident's rows of one status, not the whole roster.
create index ix_crisis_check_ins_status on crisis_check_ins (incident_id, status, answered_at);
create index ix_crisis_check_ins_pending on crisis_check_ins (incident_id, status, employee_id);
