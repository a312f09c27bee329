-- Staging table for the raw \copy reference of the FiveThirtyEight import: same columns, typed.
drop table if exists staging_538;
create table staging_538 (
    start_date  date,
    end_date    date,
    pollster    text,
    sponsor     text,
    sample_size integer,
    population  text,
    party       text,
    subject     text,
    tracking    boolean,
    text        text,
    approve     numeric,
    disapprove  numeric,
    url         text
);
