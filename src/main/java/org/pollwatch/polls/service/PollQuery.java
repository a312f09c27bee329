package org.pollwatch.polls.service;

import java.time.LocalDate;
import org.pollwatch.polls.Population;

/** Filters, sort and page of a poll search; every filter is optional. */
public record PollQuery(
        String pollster,
        LocalDate from,
        LocalDate to,
        Population population,
        String country,
        String topic,
        String text,
        boolean includeRetracted,
        String sort,
        int page,
        int size) {}
