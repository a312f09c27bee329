-- Live events (GET /events): one row per event, written in the transaction of the change it
-- announces and announced with NOTIFY pollwatch_events on commit. The rows are the short history a
-- reconnecting client resumes from (Last-Event-ID), whichever instance it reconnects to.
-- Ids come from a one-row counter, not a sequence: the counter's row lock is held until commit, so
-- ids grow in commit order with no gaps, and "id > last seen" never skips an event committed late.
create table live_event_counter (
    id    smallint primary key check (id = 1),
    value bigint   not null
);
insert into live_event_counter (id, value) values (1, 0);

create table live_event (
    id         bigint primary key,
    type       varchar(40)              not null,
    payload    json                     not null, -- json, not jsonb: sent as written
    created_at timestamp with time zone not null default now()
);
-- pruning by age
create index live_event_created_idx on live_event (created_at);
