-- Raw PostgreSQL reference for GET /polls/{id}/questions/{qid}/comparison: one pgbench transaction
-- reads what the comparison needs for one random question:
--   1. the question joined to its poll and pollster
--   2. the question's options, by position
\set qid random(1, :maxqid)
select q.id, q.position, q.wording, q.topics, q.multiple_answers, p.id, p.sample_size, p.margin_of_error,
       p.field_start, p.field_end, p.population, p.status, ps.slug, ps.name
  from question q join poll p on p.id = q.poll_id join pollster ps on ps.id = p.pollster_id
 where q.id = :qid;
select o.id, o.position, o.label, o.percentage from option_result o where o.question_id = :qid order by o.position;
