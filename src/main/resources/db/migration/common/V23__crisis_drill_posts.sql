-- A crisis drill sends real posts (its alert, updates and all-clear). Marking them lets
-- whatever weighs real communication leave exercises out: the content calendar's
-- busy-day warning first. The crisis module marks new ones as it publishes them; the
-- drills already run are marked here.
alter table announcements add column drill boolean default false not null;

update announcements set drill = true
where id in (select i.announcement_id from crisis_incidents i where i.drill = true and i.announcement_id is not null)
   or id in (select i.all_clear_id from crisis_incidents i where i.drill = true and i.all_clear_id is not null)
   or id in (select e.announcement_id from crisis_incident_events e join crisis_incidents i on i.id = e.incident_id
             where i.drill = true and e.announcement_id is not null);
