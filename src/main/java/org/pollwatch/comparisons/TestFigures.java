package org.pollwatch.comparisons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pollwatch.stats.DifferenceTest;

/** The parts of a {@link DifferenceTest} that every comparison serves, converted to points and JSON-safe values. */
record TestFigures(
        Double marginOfError,
        IntervalView interval,
        Double z,
        Double pValue,
        String verdict,
        Long minimumSampleSizeForSignificance,
        String formula,
        List<String> notes) {

    static TestFigures of(DifferenceTest test) {
        List<String> notes = new ArrayList<>();
        Double z =
                test.zStatistic().isPresent() ? Points.finite(test.zStatistic().getAsDouble()) : null;
        if (test.zStatistic().isPresent() && z == null) {
            notes.add("z is unbounded: with shares of 0% or 100% the formula has no sampling variance, so z is "
                    + "served as null and any non-zero difference counts as significant (p = 0).");
        }
        return new TestFigures(
                test.marginOfError().isPresent()
                        ? Points.of(test.marginOfError().getAsDouble())
                        : null,
                test.interval().map(IntervalView::ofShares).orElse(null),
                z,
                test.pValue().isPresent() ? test.pValue().getAsDouble() : null,
                test.verdict().name().toLowerCase(Locale.ROOT),
                test.minimumSampleSizeForSignificance().isPresent()
                        ? test.minimumSampleSizeForSignificance().getAsLong()
                        : null,
                test.formula(),
                notes);
    }
}
