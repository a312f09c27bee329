package org.pollwatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProportionsTest {

    private static final ConfidenceLevel L95 = ConfidenceLevel.LEVEL_95;

    @Test
    void marginOfErrorForTheTextbookPoll() {
        // n = 1000, p = 0.5, 95%: 1.959963984540054 * sqrt(0.25 / 1000) = 1.959963984540054 * 0.0158113883008419
        //   = 0.030989751615228078, the "±3.1 points" of every polling primer.
        assertEquals(0.030989751615228078, Proportions.marginOfError(0.5, 1000, L95), 1e-15);
        // p = 0.2, n = 400, 90%: 1.6448536269514722 * sqrt(0.16 / 400) = 1.6448536269514722 * 0.02 = 0.032897072539...
        assertEquals(0.032897072539029444, Proportions.marginOfError(0.2, 400, ConfidenceLevel.LEVEL_90), 1e-15);
        assertEquals(0.0, Proportions.marginOfError(0.0, 1000, L95), 0.0);
    }

    @Test
    void wilsonIntervalsForSmallSamples() {
        // Closed form with z = 1.959963984540054, z^2 = 3.841458820694124, n = 10, z^2/n = 0.3841458820694124:
        // 0 of 10: centre = 0.1920729410347062 / 1.3841458820694124, halfWidth = the same, so
        //   [0, 2 * 0.1920729.../1.3841458...] = [0, 0.27753279986288920]
        Interval none = Proportions.wilson(0.0, 10, L95);
        assertEquals(0.0, none.lower(), 0.0);
        assertEquals(0.27753279986288920, none.upper(), 1e-12);
        // 1 of 10: centre = 0.2920729410347062 / 1.3841458820694124 = 0.21101311994515569,
        //   halfWidth = 1.959963984540054 / 1.3841458820694124 * sqrt(0.009 + 0.3841458820694124 / 40)
        //   = 0.19313690685008276  ->  [0.017876213095072907, 0.40415002679523846] (the usual 0.018 to 0.404)
        Interval one = Proportions.wilson(0.1, 10, L95);
        assertEquals(0.017876213095072907, one.lower(), 1e-12);
        assertEquals(0.40415002679523846, one.upper(), 1e-12);
        // 5 of 10 is symmetric about 0.5: [0.23659309051256400, 0.76340690948743600]
        Interval half = Proportions.wilson(0.5, 10, L95);
        assertEquals(0.236593090512564, half.lower(), 1e-12);
        assertEquals(0.763406909487436, half.upper(), 1e-12);
        // 10 of 10 mirrors 0 of 10.
        Interval all = Proportions.wilson(1.0, 10, L95);
        assertEquals(0.7224672001371108, all.lower(), 1e-12);
        assertEquals(1.0, all.upper(), 0.0);
    }

    @Test
    void wilsonIntervalNeverWidensAsNGrows() {
        for (int percent = 0; percent <= 100; percent += 5) {
            double p = percent / 100.0;
            for (ConfidenceLevel level : ConfidenceLevel.values()) {
                double previousWidth = Double.POSITIVE_INFINITY;
                for (int n = 1; n <= 3000; n++) {
                    Interval interval = Proportions.wilson(p, n, level);
                    assertTrue(
                            interval.width() <= previousWidth + 1e-15,
                            "Wilson interval widened at p = " + p + ", n = " + n + ", " + level);
                    assertTrue(interval.lower() >= 0.0 && interval.upper() <= 1.0);
                    assertTrue(interval.contains(p), "Wilson interval must contain p");
                    previousWidth = interval.width();
                }
            }
        }
    }

    @Test
    void higherConfidenceGivesWiderIntervals() {
        double previousWidth = 0.0;
        for (ConfidenceLevel level : ConfidenceLevel.values()) {
            double width = Proportions.wilson(0.3, 500, level).width();
            assertTrue(width > previousWidth, level.name());
            previousWidth = width;
        }
    }

    @Test
    void rejectsInvalidArgumentsNamingThem() {
        assertMessageNames("p", () -> Proportions.marginOfError(1.2, 100, L95));
        assertMessageNames("p", () -> Proportions.wilson(-0.01, 100, L95));
        assertMessageNames("p", () -> Proportions.wilson(Double.NaN, 100, L95));
        assertMessageNames("n", () -> Proportions.marginOfError(0.5, 0, L95));
        assertMessageNames("n", () -> Proportions.wilson(0.5, -5, L95));
        assertMessageNames("n", () -> Proportions.wilson(0.5, Double.POSITIVE_INFINITY, L95));
        assertMessageNames("level", () -> Proportions.wilson(0.5, 100, null));
    }

    @Test
    void intervalRejectsInvertedOrNonFiniteBounds() {
        assertThrows(IllegalArgumentException.class, () -> new Interval(0.3, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Interval(Double.NaN, 0.2));
        assertEquals(0.1, new Interval(0.2, 0.3).width(), 1e-15);
    }

    static void assertMessageNames(String argument, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(
                e.getMessage().startsWith(argument + " "), "message should name " + argument + ": " + e.getMessage());
    }
}
