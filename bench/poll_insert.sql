-- Raw PostgreSQL reference for POST /polls: one pgbench transaction stores one poll shaped like the
-- average document of post_polls.lua (2 questions, 5 options, 2 subgroups, 4 subgroup shares), with
-- the pollster looked up by slug first, as the application does. Ids come from the same sequences.
-- Each table's rows go in one multi-row insert, as the application's JDBC batches do.
\set p random(1, :pollsters)
\set d random(0, 2500)
begin;
select id from pollster where slug = 'bench-pollster-' || lpad(:p::text, 2, '0');
with
  pl as (insert into poll (id, pollster_id, field_start, field_end, published_on, population, country, mode,
                           sample_size, margin_of_error, source_url, status)
         select nextval('poll_seq'), id, date '2018-01-01' + :d::int, date '2018-01-01' + :d::int + 3,
                date '2018-01-01' + :d::int + 4, 'ADULTS', 'US', 'ONLINE', 1000, 3.1,
                'https://example.org/polls/' || :d, 'PUBLISHED'
           from pollster where slug = 'bench-pollster-' || lpad(:p::text, 2, '0')
         returning id),
  q as (insert into question (id, poll_id, position, wording, topics, multiple_answers)
        select nextval('question_seq'), pl.id, n, 'Question ' || n || ': do you approve?', array['economy', 'health'], false
          from pl, generate_series(1, 2) n
        returning id, position),
  o as (insert into option_result (id, question_id, position, label, percentage)
        select nextval('option_result_seq'), q.id, v.position, v.label, v.percentage
          from q join (values (1, 1, 'Approve', 45.0), (1, 2, 'Disapprove', 50.0),
                              (2, 1, 'Approve', 40.0), (2, 2, 'Disapprove', 48.0), (2, 3, 'Not sure', 12.0))
                      v (question, position, label, percentage) on v.question = q.position
        returning id, question_id, position),
  s as (insert into subgroup_result (id, question_id, dimension, label, sample_size)
        select nextval('subgroup_result_seq'), q.id, 'age', '18-34', 250 from q
        returning id, question_id)
insert into subgroup_share (subgroup_id, option_id, percentage)
select s.id, o.id, 40.0 from s join o on o.question_id = s.question_id and o.position <= 2;
commit;
