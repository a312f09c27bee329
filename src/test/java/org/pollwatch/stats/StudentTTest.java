package org.pollwatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the printed table of t quantiles (NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.2). */
class StudentTTest {

    @ParameterizedTest
    @CsvSource({
        "0.95, 1, 12.706",
        "0.95, 2, 4.303",
        "0.95, 3, 3.182",
        "0.95, 5, 2.571",
        "0.95, 10, 2.228",
        "0.95, 30, 2.042",
        "0.95, 100, 1.984",
        "0.50, 3, 0.765",
        "0.50, 5, 0.727",
        "0.90, 5, 2.015",
        "0.99, 5, 4.032",
        "0.99, 3, 5.841"
    })
    void matchesThePrintedTable(double level, double df, double expected) {
        assertEquals(expected, StudentT.twoSidedQuantile(level, df), 0.0015);
    }

    @ParameterizedTest
    @CsvSource({"0.95", "0.5"})
    void approachesTheNormalQuantileAsDegreesOfFreedomGrow(double level) {
        assertEquals(NormalDistribution.twoSidedQuantile(level), StudentT.twoSidedQuantile(level, 1e6), 1e-4);
    }

    @ParameterizedTest
    @CsvSource({"0.95, 0.5", "1.0, 5", "0, 5"})
    void refusesWhatHasNoQuantile(double level, double df) {
        assertThrows(IllegalArgumentException.class, () -> StudentT.twoSidedQuantile(level, df));
    }
}
