-- H2 has no partial indexes; the embedded demo is small enough for a plain one.
create index ix_deliveries_late_joiners on deliveries (announcement_id, late_joiner);
