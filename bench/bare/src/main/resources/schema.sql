-- The bare app's own tables, next to Herald's in the same throw-away database. Same shape as
-- Herald's feed: posts in channels, one receipt row per (post, reader) with the publication
-- time copied in, read over an index on (reader, published). Rows come from
-- BareApplication.fill, sized by bare.readers and bare.posts.
drop table if exists bench_receipts;
drop table if exists bench_posts;
drop table if exists bench_channels;

create table bench_channels (
    id bigint primary key,
    slug varchar(80) not null,
    name varchar(200) not null
);

create table bench_posts (
    id bigint primary key,
    channel_id bigint not null references bench_channels (id),
    title varchar(200) not null,
    summary varchar(500),
    ack_required boolean not null,
    published_at timestamp with time zone not null
);

create table bench_receipts (
    id bigint primary key,
    post_id bigint not null references bench_posts (id),
    reader_id bigint not null,
    published_at timestamp with time zone not null,
    acknowledged_at timestamp with time zone
);
create index ix_bench_receipts_reader_published on bench_receipts (reader_id, published_at, post_id);
