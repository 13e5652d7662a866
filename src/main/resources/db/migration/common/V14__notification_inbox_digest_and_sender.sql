-- Every signed-in page counts the person's unread notifications: one short range of
-- this index.
create index ix_notifications_unread on notifications (employee_id, read_at);

-- The daily digest lists non-critical notifications that came in after the previous
-- one: digest_covered_to is where that digest (or the switch to digest mode) stopped.
alter table notification_preferences add column digest_covered_to timestamp with time zone;

-- A digest e-mail covers notifications created after covers_from (null: from the
-- start) up to its own created_at; other e-mails leave it empty.
alter table outbox_messages add column covers_from timestamp with time zone;
