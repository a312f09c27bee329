-- The data generation of the last change that redefined a series (its membership, mapping or
-- settings) rather than changing polls in it. Up to that generation, a read of the series' polls can
-- be brought up to date by reading again only the polls changed since (poll.change_xid); after it,
-- the whole series is read again.
alter table series_generation add column redefined bigint not null default 0;
