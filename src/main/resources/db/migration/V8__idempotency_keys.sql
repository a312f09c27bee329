-- Idempotency-Key of POST requests (org.pollwatch.common.idempotency): the first answer to each key,
-- replayed to retries with the same request and kept at least 24 hours. status is null while the
-- first request runs. Stored in PostgreSQL so that every instance sees the same keys.
create table idempotency_key (
    idempotency_key varchar(200) primary key,
    request_hash    char(64),
    status          integer,
    content_type    varchar(200),
    location        varchar(2000),
    etag            varchar(200),
    body            bytea,
    created_at      timestamptz not null default now()
);

-- serves the hourly removal of keys older than the retention
create index idempotency_key_created_idx on idempotency_key (created_at);
