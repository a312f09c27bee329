package org.pollwatch.trends.service;

import java.time.LocalDate;
import java.util.List;
import org.pollwatch.polls.Population;
import org.pollwatch.stats.trend.TrendMethod;
import org.pollwatch.stats.trend.TrendMode;

/**
 * A trend query with every default resolved: also the key of the trend cache (combined there with the
 * data generation), so it holds exactly what the result depends on.
 */
public record TrendRequest(
        String series,
        LocalDate from,
        LocalDate to,
        List<Population> populations,
        List<String> excludedPollsters,
        Integer minDisclosure,
        TrendMethod method,
        TrendMode mode,
        LocalDate asOf,
        double confidence,
        boolean adjustHouseEffects,
        List<String> defaultsUsed) {}
