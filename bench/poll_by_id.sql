-- Raw PostgreSQL reference for GET /polls/{id}: one pgbench transaction reads everything the
-- endpoint returns for one random poll, in four statements (run with -M prepared, as the JDBC
-- driver prepares repeated statements too):
--   1. the poll row joined to its pollster (slug, name)
--   2. its questions, by position
--   3. the options of those questions, by question and position
--   4. the subgroup results of those questions with their per-option shares
-- Ids are uniform in 1..maxid (ids from the sequence are dense; the share of ids that exist is
-- printed by run.sh next to the result).
\set id random(1, :maxid)
select p.id, p.sponsor, p.field_start, p.field_end, p.published_on, p.population, p.population_description,
       p.country, p.region, p.mode, p.sample_size, p.margin_of_error, p.weighting, p.language, p.source_url,
       p.notes, p.status, p.retraction_reason, p.retracted_at, p.version, p.created_at, p.updated_at,
       ps.slug, ps.name
  from poll p join pollster ps on ps.id = p.pollster_id
 where p.id = :id;
select q.id, q.position, q.wording, q.topics, q.multiple_answers
  from question q where q.poll_id = :id order by q.position;
select o.question_id, o.id, o.position, o.label, o.percentage
  from option_result o join question q on q.id = o.question_id
 where q.poll_id = :id order by q.position, o.position;
select s.question_id, s.id, s.dimension, s.label, s.sample_size, sh.option_id, sh.percentage
  from subgroup_result s join question q on q.id = s.question_id
  left join subgroup_share sh on sh.subgroup_id = s.id
 where q.poll_id = :id order by s.question_id, s.dimension, s.label;
