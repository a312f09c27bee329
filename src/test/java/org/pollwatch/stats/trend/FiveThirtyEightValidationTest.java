package org.pollwatch.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pollwatch.imports.fivethirtyeight.Topline;

/**
 * Our REALTIME average against FiveThirtyEight's published daily Biden COVID-approval averages,
 * 2021-01-22..2021-08-31 (data by FiveThirtyEight, CC BY 4.0, see test resources README). Each of
 * their daily values used only the polls known that day, so our realtime mode is comparable.
 */
class FiveThirtyEightValidationTest {

    /** The target for the defaults chosen by cross-validation over three series (README), not by fit to this one. */
    private static final double APPROVE_BOUND = 0.50;

    private static final double DISAPPROVE_BOUND = 0.50;

    @Test
    void defaultRealtimeTrendTracksFiveThirtyEightAverage() {
        List<PollObservation> polls = FiveThirtyEightFixture.polls();
        List<Topline> toplines = FiveThirtyEightFixture.toplines();
        assertEquals(184, polls.size());
        assertEquals(222, toplines.size());
        TrendEngine engine = new TrendEngine();

        FiveThirtyEightFixture.Mae mae = FiveThirtyEightFixture.mae(engine, polls, toplines, TrendOptions.defaults());
        System.out.println("FiveThirtyEight validation, defaults ("
                + TrendOptions.defaults().method() + "): " + mae);
        for (TrendMethod m : TrendMethod.values()) {
            System.out.println("  " + m + " with other defaults: "
                    + FiveThirtyEightFixture.mae(
                            engine,
                            polls,
                            toplines,
                            TrendOptions.builder().method(m).build()));
        }
        assertEquals(0, mae.missing(), "an estimate for every model date");
        assertTrue(mae.approve() <= APPROVE_BOUND, "approve MAE " + mae.approve());
        assertTrue(mae.disapprove() <= DISAPPROVE_BOUND, "disapprove MAE " + mae.disapprove());
    }
}
