-- H2 has no trigram index; the embedded demo organisation is small enough to scan. This keeps the
-- version numbers of both vendors in step.
create index ix_employees_search on employees (search_text);
