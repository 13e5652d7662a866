-- The outbox page and API list e-mails newest first (by id), filtered by status or by
-- kind: each filter walks one short range of its index backwards instead of the table.
create index ix_outbox_messages_status_id on outbox_messages (status, id);
create index ix_outbox_messages_kind_id on outbox_messages (kind, id);

-- The audit log filtered by who did it, newest first.
create index ix_audit_entries_actor on audit_entries (actor_email, occurred_at);
