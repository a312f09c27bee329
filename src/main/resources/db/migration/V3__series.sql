-- Series: one question tracked across polls and pollsters, with canonical choices, and the
-- mapping of each member question's option labels onto those choices.
-- Polls gain a tracking flag (daily trackers) and an external reference for idempotent imports.

create sequence series_seq start with 1 increment by 50;

create table series (
    id                    bigint primary key,
    key                   varchar(80)  not null unique,
    title                 varchar(300) not null,
    description           varchar(2000),
    -- population codes, most preferred first (e.g. {likely_voters,registered_voters,voters,adults});
    -- null: the default rule
    population_preference text[],
    created_at            timestamp with time zone not null default now()
);

create table series_choice (
    series_id bigint       not null references series (id) on delete cascade,
    position  integer      not null,
    key       varchar(80)  not null,
    label     varchar(200) not null,
    primary key (series_id, key)
);

-- A question belongs to at most one series. choice_map: lower-cased option label -> choice key.
create table series_question (
    question_id bigint primary key references question (id) on delete cascade,
    series_id   bigint not null references series (id) on delete cascade,
    choice_map  jsonb  not null,
    joined_at   timestamp with time zone not null default now()
);
-- Trend observations (TrendService: one projection query "where sq.series_id = ?") and
-- GET /series/{key}/polls: all member questions of one series
create index series_question_series_idx on series_question (series_id, question_id);

alter table poll add column tracking boolean not null default false;
-- Import idempotence: "fivethirtyeight:<hash>" looked up per batch ("where external_ref in (...)")
alter table poll add column external_ref varchar(100);
create unique index poll_external_ref_idx on poll (external_ref) where external_ref is not null;

-- Trend observations join question -> poll -> options; option_result(question_id) is indexed in V1.
-- The observation query reads questions of a series by id (primary key) and their poll by id.
-- As-of queries: the earliest revision recorded after a date, per poll
create index poll_revision_poll_recorded_idx on poll_revision (poll_id, recorded_at, revision);
