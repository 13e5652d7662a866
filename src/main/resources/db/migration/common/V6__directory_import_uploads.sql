-- A CSV uploaded for the directory import, kept between its preview and its apply. In the database
-- rather than the HTTP session or a temp file, so the apply may land on another app instance.
-- Rows are deleted when applied or cancelled; abandoned ones are swept after a day.
create table directory_import_uploads (
    id uuid primary key,
    file_name varchar(255),
    content bytea not null,
    full_sync boolean not null,
    uploaded_by varchar(254),
    uploaded_at timestamp with time zone not null
);
create index ix_directory_import_uploads_uploaded on directory_import_uploads (uploaded_at);
