-- Notifications about ordinary posts and the review desk: an IMPORTANT post or one that
-- asks for acknowledgement (also to a late joiner), a post waiting for its reviewers, and
-- the reviewer's answer to its author. The CHECK lists every kind, so it is replaced
-- whole.
alter table notifications drop constraint ck_notifications_kind;
alter table notifications add constraint ck_notifications_kind check (kind in ('CRITICAL_POST', 'REMINDER',
    'NUDGE', 'ESCALATION', 'MANAGER_DIGEST', 'IMPORTANT_POST', 'ACK_REQUEST', 'REVIEW_REQUESTED', 'POST_APPROVED',
    'CHANGES_REQUESTED'));
