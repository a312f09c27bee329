set client_min_messages = warning;
-- Set-based floor of the FiveThirtyEight import, step 1 (not timed): from the rows \copy loaded into
-- staging_538, the rows exactly as Pollwatch's import stores them (ids drawn, pollster resolved, one
-- reference per row), so that step 2 times only the writes into the real schema.
-- The references are fresh ('floor:' + hash), so they never clash with the import's own.
drop table if exists floor_rows;
insert into series (id, key, title) select nextval('series_seq'), 'bench-floor', 'bench-floor'
    where not exists (select 1 from series where key = 'bench-floor');
insert into pollster (id, slug, name)
select nextval('pollster_seq'), 'floor-' || md5(pollster), min(pollster) from staging_538 group by pollster
on conflict (slug) do nothing;
create unlogged table floor_rows as
select nextval('poll_seq') * 1000 as poll_id,           -- far above the ORM's and the import's blocks
       nextval('question_seq') * 1000 as question_id,
       'floor:' || md5(s::text || row_number() over ()) as external_ref,
       p.id as pollster_id, s.sponsor, least(s.start_date, s.end_date) as field_start,
       greatest(s.start_date, s.end_date) as field_end,
       case s.population when 'a' then 'ADULTS' when 'rv' then 'REGISTERED_VOTERS'
                         when 'lv' then 'LIKELY_VOTERS' when 'v' then 'VOTERS' else 'OTHER' end as population,
       s.sample_size, coalesce(s.tracking, false) as tracking, s.url as source_url,
       'Imported from FiveThirtyEight (line ' || row_number() over () || ')' as notes,
       coalesce(s.text, '(wording not given)') as wording, s.approve, s.disapprove
from staging_538 s join pollster p on p.slug = 'floor-' || md5(s.pollster);
analyze floor_rows;
