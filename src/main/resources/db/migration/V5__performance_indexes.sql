-- Indexes found missing by the benchmarks (bench/RESULTS.md has EXPLAIN ANALYZE before and after).

-- GET /polls?pollster=...&from=... and GET /pollsters/{slug}/polls: the page query is
--   select ... from poll p join pollster s on s.id = p.pollster_id
--    where s.slug = ? and p.field_end >= ? and p.status <> 'RETRACTED' [and exists (topic)]
--    order by p.field_end desc, p.id desc fetch first 20 rows only
-- With (pollster_id, field_end desc) alone the id tie-break forces a sort of all the pollster's polls,
-- so PostgreSQL walked poll_field_end_idx across every pollster instead. With id in the index the
-- pollster's polls come out in page order and the scan stops after one page.
create index poll_pollster_field_end_id_idx on poll (pollster_id, field_end desc, id desc);
drop index poll_pollster_field_end_idx;
