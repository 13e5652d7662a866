-- Late joiners carry their own deadline, so the overdue figure counts them one by one.
-- They are few: a partial index finds them without reading a post's whole audience.
create index ix_deliveries_late_joiners on deliveries (announcement_id) where late_joiner = true;

-- What one directory change just delivered late (to count it in), by person and time.
create index ix_deliveries_late_by_person on deliveries (employee_id, delivered_at) where late_joiner = true;
