-- Late joiners carry their own deadline, so the overdue figure counts them one by one.
-- They are few: a partial index finds them without reading a post's whole audience.
create index ix_deliveries_late_joiners on deliveries (announcement_id) where late_joiner = true;
