-- One counter raised by every transaction that changes polls or series (in that transaction), read
-- by every request that answers from a cache of derived results (trends, house effects): the cache
-- key holds it, so no instance can serve a result computed before another instance's commit.
create table data_generation (
    id    smallint primary key check (id = 1),
    value bigint   not null
);
insert into data_generation (id, value) values (1, 0);
