#!/usr/bin/env bash
# EXPLAIN ANALYZE of the GET /polls?pollster=&from=&topic= page query, before and after
# V5__performance_indexes.sql and the pollster sub-select, on the benchmark database.
# "Before" runs inside a transaction that puts the V1 index back and is rolled back.
# usage: bench/explain.sh [database] [pollster slug] [from date] [topic]
set -euo pipefail
DB=${1:-pollwatch_bench}
SLUG=${2:-bench-pollster-03}
FROM=${3:-2019-06-01}
TOPIC=${4:-health}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
columns="p1_0.id, p1_0.country, p1_0.field_end, p1_0.field_start, p1_0.pollster_id, p1_0.status, p1_0.version"
filters="p1_0.field_end >= date '$FROM' and p1_0.status <> 'RETRACTED'
  and exists (select 1 from question q1_0 where q1_0.poll_id = p1_0.id and q1_0.topics @> cast(array['$TOPIC'] as text[]))
  order by p1_0.field_end desc, p1_0.id desc offset 0 rows fetch first 20 rows only"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
\echo '--- before: join on pollster.slug, index (pollster_id, field_end desc)'
begin;
drop index poll_pollster_field_end_id_idx;
create index poll_pollster_field_end_idx on poll (pollster_id, field_end desc);
analyze poll;
explain (analyze, buffers, costs off)
select $columns from poll p1_0 join pollster p2_0 on p2_0.id = p1_0.pollster_id
 where p2_0.slug = '$SLUG' and $filters;
rollback;
analyze poll;
\echo '--- after: pollster id from a sub-select, index (pollster_id, field_end desc, id desc)'
explain (analyze, buffers, costs off)
select $columns from poll p1_0
 where p1_0.pollster_id = (select s.id from pollster s where s.slug = '$SLUG') and $filters;
SQL
