-- Trigram index: "contains" searches over 50,000 people without a sequential scan.
create extension if not exists pg_trgm;
create index ix_employees_search_trgm on employees using gin (search_text gin_trgm_ops);
