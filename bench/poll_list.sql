-- Raw PostgreSQL reference for GET /polls?pollster=&from=&topic=&size=20: one pgbench transaction
-- runs what the endpoint needs for one page, with the same random filter mix as the list paths that
-- run.sh generates (the pollster is looked up by slug in a sub-select, as the application does):
--   1. the first page (20 rows) of polls of one pollster, field end on or after a date, with a
--      question tagged with a topic, newest first, joined to the pollster
--   2. the total count for the same filters
--   3. the questions (id, wording, topics) of the polls of that page
\set p random(1, :pollsters)
\set d random(0, 2400)
\set t random(1, 8)
select p.id, p.sponsor, p.field_start, p.field_end, p.published_on, p.population, p.country, p.mode,
       p.sample_size, p.margin_of_error, p.status, ps.slug, ps.name
  from poll p join pollster ps on ps.id = p.pollster_id
 where p.pollster_id = (select id from pollster where slug = 'bench-pollster-' || lpad(:p::text, 2, '0'))
   and p.field_end >= date '2018-01-01' + :d::int
   and p.status <> 'RETRACTED'
   and exists (select 1 from question q where q.poll_id = p.id
               and q.topics @> array[(array['economy','health','immigration','climate','education','housing','security','trade'])[:t::int]])
 order by p.field_end desc, p.id desc limit 20;
select count(*)
  from poll p
 where p.pollster_id = (select id from pollster where slug = 'bench-pollster-' || lpad(:p::text, 2, '0'))
   and p.field_end >= date '2018-01-01' + :d::int
   and p.status <> 'RETRACTED'
   and exists (select 1 from question q where q.poll_id = p.id
               and q.topics @> array[(array['economy','health','immigration','climate','education','housing','security','trade'])[:t::int]]);
with page as (
  select p.id
    from poll p
   where p.pollster_id = (select id from pollster where slug = 'bench-pollster-' || lpad(:p::text, 2, '0'))
     and p.field_end >= date '2018-01-01' + :d::int
     and p.status <> 'RETRACTED'
     and exists (select 1 from question q where q.poll_id = p.id
                 and q.topics @> array[(array['economy','health','immigration','climate','education','housing','security','trade'])[:t::int]])
   order by p.field_end desc, p.id desc limit 20)
select q.poll_id, q.id, q.wording, q.topics
  from question q join page on page.id = q.poll_id order by q.poll_id, q.position;
