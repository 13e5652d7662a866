-- Read tracking. Each delivery keeps where its recipient stood when it was delivered
-- (department and location), so breakdowns describe the audience as it was reached.
-- The tracking figures come from delivery_counts: one row per announcement,
-- department, location and shard, kept up to date in the transaction that records
-- a read or an acknowledgement. The shard (employee id modulo 8) spreads
-- simultaneous acknowledgements of one post over several rows instead of one hot
-- counter row. Department and location 0 stand for "none".

alter table deliveries add column department_id bigint;
alter table deliveries add column location_id bigint;

update deliveries set department_id = (select e.department_id from employees e where e.id = deliveries.employee_id),
    location_id = (select e.location_id from employees e where e.id = deliveries.employee_id);

create table delivery_counts (
    announcement_id bigint not null references announcements (id) on delete cascade,
    department_id bigint not null,
    location_id bigint not null,
    shard smallint not null,
    delivered integer not null,
    read_count integer not null,
    acknowledged integer not null,
    acknowledged_on_time integer not null,
    constraint pk_delivery_counts primary key (announcement_id, department_id, location_id, shard),
    constraint ck_delivery_counts_shard check (shard between 0 and 7),
    constraint ck_delivery_counts_positive check (delivered >= 0 and read_count >= 0 and acknowledged >= 0
        and acknowledged_on_time >= 0)
);

insert into delivery_counts (announcement_id, department_id, location_id, shard, delivered, read_count,
    acknowledged, acknowledged_on_time)
select d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0), mod(d.employee_id, 8),
    count(*),
    sum(case when d.read_at is not null then 1 else 0 end),
    sum(case when d.acknowledged_at is not null and d.acknowledged_revision >= a.ack_revision then 1 else 0 end),
    sum(case when d.acknowledged_at is not null and d.acknowledged_revision >= a.ack_revision
        and d.acknowledged_at <= coalesce(d.ack_due_at, a.ack_due_at, d.acknowledged_at) then 1 else 0 end)
from deliveries d join announcements a on a.id = d.announcement_id
group by d.announcement_id, coalesce(d.department_id, 0), coalesce(d.location_id, 0), mod(d.employee_id, 8);

-- "Remind the non-acknowledgers now": at most once per 12 hours per announcement. The
-- conditional update of this row is the throttle, whatever the number of instances.
create table tracking_reminders (
    announcement_id bigint not null primary key references announcements (id) on delete cascade,
    reminded_at timestamp with time zone not null,
    reminded_by bigint not null,
    reminded integer not null
);
