-- Pollsters, polls, questions, option results and subgroup results.
-- Identifiers come from sequences (increment 50) so Hibernate can batch inserts.

create sequence pollster_seq start with 1 increment by 50;
create sequence poll_seq start with 1 increment by 50;
create sequence question_seq start with 1 increment by 50;
create sequence option_result_seq start with 1 increment by 50;
create sequence subgroup_result_seq start with 1 increment by 50;
create sequence poll_revision_seq start with 1 increment by 50;

create table pollster (
    id          bigint primary key,
    slug        varchar(80)  not null unique,
    name        varchar(200) not null,
    website     varchar(500),
    country     varchar(2),
    created_at  timestamp with time zone not null default now()
);

create table poll (
    id                     bigint primary key,
    pollster_id            bigint not null references pollster (id),
    sponsor                varchar(200),
    field_start            date not null,
    field_end              date not null,
    published_on           date,
    population             varchar(30) not null,
    population_description varchar(200),
    country                varchar(2) not null,
    region                 varchar(20),
    mode                   varchar(20),
    sample_size            integer,
    margin_of_error        numeric(4, 2),
    weighting              varchar(1000),
    language               varchar(100),
    source_url             varchar(1000),
    notes                  varchar(2000),
    status                 varchar(20) not null default 'PUBLISHED',
    retraction_reason      varchar(1000),
    retracted_at           timestamp with time zone,
    created_at             timestamp with time zone not null default now(),
    updated_at             timestamp with time zone not null default now(),
    version                integer not null default 0,
    constraint poll_field_dates check (field_end >= field_start),
    constraint poll_sample_size check (sample_size is null or sample_size > 0),
    constraint poll_margin_of_error check (margin_of_error is null or margin_of_error > 0)
);
-- GET /pollsters/{slug}/polls and GET /polls?pollster=..., newest first
create index poll_pollster_field_end_idx on poll (pollster_id, field_end desc);
-- GET /polls?from=&to= and the default sort (newest field end first)
create index poll_field_end_idx on poll (field_end desc, id desc);

create table question (
    id               bigint primary key,
    poll_id          bigint not null references poll (id) on delete cascade,
    position         integer not null,
    wording          varchar(2000) not null,
    topics           text[] not null default '{}',
    multiple_answers boolean not null default false,
    constraint question_position_unique unique (poll_id, position) deferrable initially deferred
);
-- GET /polls?topic=... (array containment)
create index question_topics_idx on question using gin (topics);

create table option_result (
    id          bigint primary key,
    question_id bigint not null references question (id) on delete cascade,
    position    integer not null,
    label       varchar(300) not null,
    percentage  numeric(4, 1) not null,
    constraint option_percentage_range check (percentage between 0 and 100),
    constraint option_position_unique unique (question_id, position) deferrable initially deferred
);
create index option_result_question_idx on option_result (question_id);

create table subgroup_result (
    id          bigint primary key,
    question_id bigint not null references question (id) on delete cascade,
    dimension   varchar(100) not null,
    label       varchar(200) not null,
    sample_size integer,
    constraint subgroup_sample_size check (sample_size is null or sample_size > 0),
    -- deferred: a revision deletes and re-inserts subgroups in one flush, inserts first
    constraint subgroup_unique unique (question_id, dimension, label) deferrable initially deferred
);
create index subgroup_result_question_idx on subgroup_result (question_id);

create table subgroup_share (
    subgroup_id bigint not null references subgroup_result (id) on delete cascade,
    option_id   bigint not null references option_result (id) on delete cascade,
    percentage  numeric(4, 1) not null,
    primary key (subgroup_id, option_id),
    constraint subgroup_share_range check (percentage between 0 and 100)
);

-- Each revision keeps the poll as it was before a PUT, as the JSON document the API served.
create table poll_revision (
    id          bigint primary key,
    poll_id     bigint not null references poll (id) on delete cascade,
    revision    integer not null,
    recorded_at timestamp with time zone not null default now(),
    reason      varchar(1000),
    snapshot    jsonb not null,
    constraint poll_revision_unique unique (poll_id, revision)
);
