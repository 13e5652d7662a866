-- One-click check-in links in e-mails work without signing in: each is signed with
-- a key every instance shares. Unless one is configured, the first instance to need
-- it generates it and stores it here; the others read it.
create table crisis_link_keys (
    name varchar(32) not null primary key,
    secret varchar(128) not null,
    created_at timestamp with time zone not null
);

-- A link works once: the id of each used link is kept with who used it, for which
-- incident and when, so a second use (or a forwarded e-mail) is refused.
create table crisis_check_in_links_used (
    link_id varchar(64) not null primary key,
    incident_id bigint not null references crisis_incidents (id) on delete cascade,
    employee_id bigint not null references employees (id),
    used_at timestamp with time zone not null
);

-- How each answer came in (the app, an e-mail link, the API): the drill report and
-- the after-action report say which media worked.
alter table crisis_check_ins add column answered_via varchar(16);

-- Every e-mail about an alert asks which open incident it belongs to.
create index ix_crisis_incidents_announcement on crisis_incidents (announcement_id);
alter table crisis_check_ins add constraint ck_crisis_check_ins_via check (answered_via in ('APP', 'LINK', 'API'));

-- The drill report reads where each recipient's e-mail of the alert stands.
create index ix_outbox_messages_announcement on outbox_messages (announcement_id, kind);
