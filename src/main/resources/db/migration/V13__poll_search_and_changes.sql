-- Full-text search of GET /polls?q=: one tsvector per poll over what people type when they look for
-- a poll: question wording and topics (weight A), option labels (B), pollster, sponsor and the
-- organisation that ran the fieldwork (C). English stemming, so "hostage" finds "hostages".
-- The application refreshes the vector when it writes a poll (PollQueries, BulkPollWriter).

create function poll_search_vector(questions text, options text, sources text) returns tsvector
    language sql immutable parallel safe as $$
    select setweight(to_tsvector('english', coalesce(questions, '')), 'A')
        || setweight(to_tsvector('english', coalesce(options, '')), 'B')
        || setweight(to_tsvector('english', coalesce(sources, '')), 'C')
$$;

create function poll_search_document(poll bigint) returns tsvector
    language sql stable parallel safe as $$
    select poll_search_vector(
               (select string_agg(q.wording || ' ' || array_to_string(q.topics, ' '), ' ')
                from question q where q.poll_id = p.id),
               (select string_agg(o.label, ' ')
                from question q join option_result o on o.question_id = q.id where q.poll_id = p.id),
               concat_ws(' ', s.name, p.sponsor, p.conducted_by))
    from poll p join pollster s on s.id = p.pollster_id
    where p.id = poll
$$;

alter table poll add column search_document tsvector;
update poll set search_document = poll_search_document(id);
create index poll_search_document_idx on poll using gin (search_document);

-- Change order for clients that mirror the polls (GET /polls?updatedSince=&cursor=): the id of the
-- transaction that last wrote each poll. Unlike updated_at, it lets the reader hold back the changes
-- of transactions still running (those from pg_snapshot_xmin of the current snapshot on), so a page
-- never skips a poll whose transaction commits later with an earlier timestamp.
alter table poll add column change_xid xid8 not null default pg_current_xact_id();

create function poll_record_change() returns trigger language plpgsql as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end
$$;

create trigger poll_record_change before update on poll
    for each row execute function poll_record_change();

create index poll_change_idx on poll (change_xid, id);
