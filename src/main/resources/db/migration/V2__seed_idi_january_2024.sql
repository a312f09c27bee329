-- Seed example: the Israel Democracy Institute's Israeli Voice Index of January 2024, as reported
-- on 2024-02-06 (Reuters; Times of Israel). 51% said returning the hostages should be the main goal
-- of the war, 36% said toppling Hamas. The reports give no sample size or margin of error: both are
-- stored as unknown. The fieldwork is dated only "January 2024", hence the month as field dates.
do $$
declare
    pollster_id bigint := nextval('pollster_seq');
    poll_id     bigint := nextval('poll_seq');
    question_id bigint := nextval('question_seq');
    hostages_id bigint := nextval('option_result_seq');
    hamas_id    bigint := nextval('option_result_seq');
    jewish_id   bigint := nextval('subgroup_result_seq');
    arab_id     bigint := nextval('subgroup_result_seq');
begin
    insert into pollster (id, slug, name, website, country)
    values (pollster_id, 'israel-democracy-institute', 'Israel Democracy Institute', 'https://en.idi.org.il', 'IL');

    insert into poll (id, pollster_id, field_start, field_end, published_on, population, population_description,
                      country, mode, language, source_url, notes)
    values (poll_id, pollster_id, date '2024-01-01', date '2024-01-31', date '2024-02-06', 'ADULTS',
            'Israeli adults, Jewish and Arab respondents', 'IL', 'MIXED', 'he, ar',
            'https://www.timesofisrael.com/slim-majority-believes-return-of-hostages-should-be-primary-war-aim-in-gaza-poll/',
            'Israeli Voice Index, January 2024. The report gives the month of fieldwork but no sample size.');

    insert into question (id, poll_id, position, wording, topics, multiple_answers)
    values (question_id, poll_id, 1, 'What should be the main goal of the war?',
            array['israel-hamas-war', 'hostages'], false);

    insert into option_result (id, question_id, position, label, percentage)
    values (hostages_id, question_id, 1, 'Returning the hostages', 51),
           (hamas_id, question_id, 2, 'Toppling Hamas', 36);

    insert into subgroup_result (id, question_id, dimension, label)
    values (jewish_id, question_id, 'sector', 'Jewish Israelis'),
           (arab_id, question_id, 'sector', 'Arab Israelis');

    insert into subgroup_share (subgroup_id, option_id, percentage)
    values (jewish_id, hostages_id, 47), (jewish_id, hamas_id, 42),
           (arab_id, hostages_id, 69), (arab_id, hamas_id, 8);
end
$$;
