-- Set-based floor of the FiveThirtyEight import, step 2 (timed): PostgreSQL alone writing the rows
-- of floor_rows into the schema as one INSERT ... SELECT per table, the least work any client can
-- make it do for the same polls (same tables, indexes, constraints and foreign-key checks). Rolled
-- back, so the database is left as it was.
begin;
insert into poll (id, pollster_id, sponsor, field_start, field_end, population, country, sample_size,
                  tracking, source_url, notes, external_ref)
select poll_id, pollster_id, sponsor, field_start, field_end, population, 'US', sample_size,
       tracking, source_url, notes, external_ref
from floor_rows;
insert into question (id, poll_id, position, wording) select question_id, poll_id, 1, wording from floor_rows;
insert into option_result (id, question_id, position, label, percentage)
select question_id + o.position, question_id, o.position, o.label, o.percentage
from floor_rows cross join lateral (values (1, 'approve', approve), (2, 'disapprove', disapprove)) as o (position, label, percentage)
where o.percentage is not null;
insert into series_question (question_id, series_id, choice_map)
select question_id, (select id from series where key = 'bench-floor'), '{"approve": "approve", "disapprove": "disapprove"}'::jsonb
from floor_rows;
rollback;
