package org.pollwatch.stats;

import org.pollwatch.polls.Population;

/** Breaks the layering on purpose, for ArchitectureRulesTest: a statistic that knows a feature. */
public final class LeakyStatistic {

    private LeakyStatistic() {}

    public static String populationCode() {
        return Population.ADULTS.shortCode();
    }
}
