-- Profiles grow (skills, start date), departments get a head, and every person carries one
-- normalised search text: lower case, without diacritics ("Łukasz" is stored as "lukasz"), so one
-- LIKE finds names, e-mail, job title, skills, department and location on both databases.

alter table employees add column skills varchar(2000);
alter table employees add column start_date date;
alter table employees add column search_text varchar(4000) not null default '';

alter table departments add column head_id bigint references employees (id);
