-- Generations per series: a change of one series' polls, membership or settings raises only that
-- series' generation, so the cached trends and charts of every other series stay valid. A series'
-- generation is the data generation its last change raised; `unscoped` is the one of the last change
-- not limited to named series, which every series' cached results also depend on.
alter table data_generation add column unscoped bigint not null default 0;

create table series_generation (
    series_key varchar(80) primary key,
    value      bigint      not null
);
