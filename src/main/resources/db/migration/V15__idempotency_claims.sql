-- A claim on an idempotency key is now settled inside the transaction of the write it guards
-- (org.pollwatch.common.idempotency.IdempotentWrites): location and request_hash are set there, so a
-- committed write is known even when its answer was lost. claim_token names the request holding the
-- key; a claim left without answer and without write (its holder lost the database) may be taken over
-- by a retry after a lease, and the token keeps a late holder from settling or completing it.
alter table idempotency_key
    add column claim_token uuid,
    add column claimed_at  timestamptz not null default now();

update idempotency_key set claimed_at = created_at;
