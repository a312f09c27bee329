-- (Versions 4, 6, 7 and 9 were never shipped: the gaps stay, shipped migrations keep their numbers.)
--
-- Disclosure after the AAPOR Transparency Initiative: the items a poll still lacked a place for, and
-- which items each poll discloses, as a bit set the database keeps up to date on every write (the
-- importer's set-based inserts included). Bit i is org.pollwatch.polls.DisclosureItem's ordinal i;
-- the order of the terms below must match that enum.
alter table poll
    add column conducted_by          varchar(200),
    add column sampling_frame        varchar(1000),
    add column sample_design         varchar(1000),
    add column design_effect         numeric(4, 2),
    add column sponsor_partisanship  varchar(20),
    add constraint poll_design_effect check (design_effect is null or design_effect >= 1),
    add constraint poll_sponsor_partisanship
        check (sponsor_partisanship is null or sponsor_partisanship in ('NONPARTISAN', 'PARTISAN', 'INTERNAL'));

alter table poll
    add column disclosure_items integer not null generated always as (
          (case when nullif(btrim(sponsor), '') is not null then 1 else 0 end)      -- 0 sponsor
        | 2                                                                           -- 1 wording and order (required)
        | (case when nullif(btrim(population_description), '') is not null then 4 else 0 end) -- 2 population
        | (case when nullif(btrim(sampling_frame), '') is not null then 8 else 0 end)         -- 3 sampling frame
        | (case when nullif(btrim(sample_design), '') is not null then 16 else 0 end)         -- 4 sample design
        | (case when mode is not null then 32 else 0 end)                                     -- 5 mode (dates required)
        | (case when nullif(btrim(language), '') is not null then 64 else 0 end)              -- 6 languages
        | (case when sample_size is not null then 128 else 0 end)                             -- 7 sample size
        | (case when margin_of_error is not null then 256 else 0 end)                         -- 8 precision
        | (case when nullif(btrim(weighting), '') is not null then 512 else 0 end)            -- 9 weighting
        | (case when nullif(btrim(source_url), '') is not null then 1024 else 0 end)          -- 10 full report
        | (case when sponsor_partisanship is not null then 2048 else 0 end)                   -- 11 partisanship
    ) stored;
