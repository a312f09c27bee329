-- API keys (org.pollwatch.accounts): the secret is never stored, only HMAC-SHA256(server secret, key)
-- in hex; a key is found by its prefix, which is not secret. role 'pollster' keys belong to one pollster.
create sequence api_key_seq start with 1 increment by 50;
create table api_key (
    id           bigint primary key,
    prefix       varchar(32)  not null,
    secret_hash  varchar(64)  not null,
    name         varchar(200) not null,
    role         varchar(20)  not null,
    pollster_id  bigint references pollster (id),
    scopes       text[]       not null default '{}',
    created_at   timestamp with time zone not null default now(),
    last_used_at timestamp with time zone,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint api_key_role check (role in ('admin', 'pollster')),
    constraint api_key_role_pollster check ((role = 'pollster') = (pollster_id is not null))
);
-- every authenticated request: select ... where prefix = ?
create unique index api_key_prefix_idx on api_key (prefix);
-- GET /admin/keys?pollster=
create index api_key_pollster_idx on api_key (pollster_id);

-- Append-only log of every write, inserted in the transaction of the write (org.pollwatch.common.access.AuditLog).
-- actor_key_id is null for the bootstrap administrator key, whose actor is 'bootstrap'.
create table audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamp with time zone not null default now(),
    actor_key_id bigint references api_key (id),
    actor        varchar(100) not null,
    action       varchar(60)  not null,
    poll_id      bigint,
    subject      varchar(300),
    request_id   varchar(100),
    reason       varchar(1000)
);
-- GET /admin/audit, newest first, and ?poll= / ?key=
create index audit_event_occurred_idx on audit_event (occurred_at desc, id desc);
create index audit_event_poll_idx on audit_event (poll_id) where poll_id is not null;
create index audit_event_key_idx on audit_event (actor_key_id) where actor_key_id is not null;

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();

-- Who revised (the key that replaced this version) and who retracted.
alter table poll_revision add column revised_by_key_id bigint references api_key (id);
alter table poll_revision add column revised_by varchar(100);
alter table poll add column retracted_by_key_id bigint references api_key (id);
alter table poll add column retracted_by varchar(100);
