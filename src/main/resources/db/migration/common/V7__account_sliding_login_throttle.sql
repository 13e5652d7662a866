-- Throttling counts failures in a sliding window: the instants of the recent failures (epoch
-- milliseconds, comma-separated, at most the configured maximum) replace the fixed window's start.
alter table user_accounts add column recent_login_failures varchar(1000);
alter table user_accounts drop column failed_login_window_start;
