-- Sign-in throttling moves from a hand-kept failure list on each account to Bucket4j token
-- buckets, one per client address and one per typed e-mail (hashed) and address, in a table
-- every instance shares. A row whose bucket would be full again is expired (expires_at, epoch
-- milliseconds) and swept away.
create table sign_in_buckets (
    id varchar(200) primary key,
    state bytea,
    expires_at bigint
);
create index ix_sign_in_buckets_expires_at on sign_in_buckets (expires_at);

alter table user_accounts drop constraint ck_user_accounts_failed_count;
alter table user_accounts drop column failed_login_count;
alter table user_accounts drop column recent_login_failures;
alter table user_accounts drop column locked_until;
