package org.pollwatch.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A realtime trend resumed from the computation before a change equals, to the last bit, the trend
 * computed whole from the changed polls: points, bands, prediction ranges, house effects and the
 * polls that contributed, whatever the change (a new poll today or published weeks ago, a revision, a
 * retraction, a poll taken out, a new pollster) and whatever the options.
 */
class ResumedTrendTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 300;
    private final TrendEngine engine = new TrendEngine();

    /** A change to the polls, and whether the computation before it can be resumed. */
    private record Change(String name, UnaryOperator<List<PollObservation>> apply, boolean resumes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<TrendOptions> options() {
        return List.of(
                TrendOptions.defaults(),
                TrendOptions.builder()
                        .lagSpanDays(7)
                        .noiseMemoryDays(60)
                        .bandTailDf(5)
                        .build(),
                TrendOptions.builder().houseEffectIterations(3).build(),
                TrendOptions.builder().adjustHouseEffects(false).build(),
                TrendOptions.builder()
                        .from(START.plusDays(DAYS - 40))
                        .populationPreference(PopulationPreference.ADULTS_FIRST)
                        .build(),
                TrendOptions.builder().to(START.plusDays(DAYS + 5)).build());
    }

    static List<Change> changes() {
        LocalDate last = START.plusDays(DAYS);
        return List.of(
                new Change(
                        "a poll published today",
                        polls -> with(polls, poll("new", "Pollster 3", last, last, 1000.0)),
                        true),
                new Change(
                        "a poll published a month ago, entered today",
                        polls -> with(polls, poll("new", "Pollster 5", last.minusDays(30), last.minusDays(29), null)),
                        true),
                new Change(
                        "a poll published after the last day so far",
                        polls -> with(polls, poll("new", "Pollster 1", last.plusDays(3), last.plusDays(3), 700.0)),
                        true),
                new Change("a recent poll revised", polls -> revised(polls, DAYS - 10, last.minusDays(2)), true),
                new Change("an old poll retracted", polls -> retracted(polls, 60, last.minusDays(1)), true),
                new Change(
                        "a poll taken out",
                        polls -> {
                            List<PollObservation> out = new ArrayList<>(polls);
                            out.remove(out.size() - 20);
                            return out;
                        },
                        true),
                new Change("nothing", polls -> polls, true),
                new Change(
                        "a poll of a new pollster",
                        polls -> with(polls, poll("new", "Newcomer", last, last, 900.0)),
                        false));
    }

    static Stream<Arguments> cases() {
        return options().stream().flatMap(o -> changes().stream().map(c -> Arguments.of(o, c)));
    }

    @ParameterizedTest(name = "{1} ({index})")
    @MethodSource("cases")
    void resumingGivesTheWholeComputation(TrendOptions options, Change change) {
        List<PollObservation> before = synthetic(new Random(14));
        List<PollObservation> after = change.apply().apply(before);
        TrendComputation earlier = engine.compute(before, options, null);
        assertTrue(earlier.canBeResumed());

        TrendComputation resumed = engine.compute(after, options, earlier);
        TrendResult whole = engine.compute(after, options);

        assertEquals(change.resumes() ? 3 : 0, resumed.resumedChoices(), "choices resumed");
        assertEquals(whole.points().size(), resumed.result().points().size());
        for (int i = 0; i < whole.points().size(); i++) {
            assertEquals(whole.points().get(i), resumed.result().points().get(i), "point " + i);
        }
        assertEquals(whole.houseEffects(), resumed.result().houseEffects());
        assertEquals(whole.contributingPollIds(), resumed.result().contributingPollIds());
        assertTrue(resumed.canBeResumed());
    }

    @Test
    void changesOneAfterAnotherStayExact() {
        TrendOptions options = TrendOptions.defaults();
        List<PollObservation> polls = synthetic(new Random(3));
        TrendComputation computation = engine.compute(polls, options, null);
        for (int i = 0; i < 10; i++) {
            LocalDate day = START.plusDays(DAYS + i);
            polls = with(polls, poll("more-" + i, "Pollster " + (i % 6), day, day, i % 3 == 0 ? null : 800.0 + i));
            computation = engine.compute(polls, options, computation);
            assertEquals(3, computation.resumedChoices(), "change " + i);
            assertEquals(engine.compute(polls, options), computation.result(), "change " + i);
        }
    }

    /** Realtime, how far a sweep goes and which days it reports do not change the days' values. */
    @ParameterizedTest(name = "from {0} to {1}, resumed from to {2}")
    @CsvSource({
        ",,100", // the whole series, from one that stopped early
        ",150,", // a date inside the series, from the whole series
        "40,150,", // and from a later first day
        ",150,200", // an earlier date, from a later one
        ",200,150", // a later date, from an earlier one
        ",310,", // past the last poll
        "290,,", // the last days only
        ",-5,", // before the first poll: no points
    })
    void aComputationUpToOneDateResumesUpToAnother(Integer fromDay, Integer toDay, Integer earlierToDay) {
        List<PollObservation> polls = synthetic(new Random(21));
        TrendOptions earlierOptions = TrendOptions.builder()
                .to(earlierToDay == null ? null : START.plusDays(earlierToDay))
                .build();
        TrendOptions options = TrendOptions.builder()
                .from(fromDay == null ? null : START.plusDays(fromDay))
                .to(toDay == null ? null : START.plusDays(toDay))
                .build();
        TrendComputation earlier = engine.compute(polls, earlierOptions, null);

        TrendComputation resumed = engine.compute(polls, options, earlier);
        TrendResult whole = engine.compute(polls, options);

        assertEquals(toDay != null && toDay < 0 ? 0 : 3, resumed.resumedChoices(), "choices resumed");
        assertEquals(whole, resumed.result());
        // and a computation changed in between still resumes exactly
        List<PollObservation> after =
                with(polls, poll("new", "Pollster 4", START.plusDays(120), START.plusDays(121), null));
        assertEquals(
                engine.compute(after, options),
                engine.compute(after, options, earlier).result());
    }

    @Test
    void methodsAndModesWhoseDaysDependOnEachOtherAreComputedWhole() {
        List<PollObservation> before = synthetic(new Random(5));
        LocalDate last = START.plusDays(DAYS);
        List<PollObservation> after = with(before, poll("new", "Pollster 2", last, last, 1000.0));
        for (TrendOptions options : List.of(
                TrendOptions.builder().mode(TrendMode.HINDSIGHT).build(),
                TrendOptions.builder().method(TrendMethod.KALMAN).build(),
                TrendOptions.builder().method(TrendMethod.LOESS).build())) {
            TrendComputation earlier = engine.compute(before, options, null);
            TrendComputation again = engine.compute(after, options, earlier);
            assertEquals(0, again.resumedChoices(), options.method() + " " + options.mode());
            assertEquals(engine.compute(after, options), again.result());
        }
        TrendComputation defaults = engine.compute(before, TrendOptions.defaults(), null);
        TrendOptions other = TrendOptions.builder().confidenceLevel(0.5).build();
        assertEquals(0, engine.compute(after, other, defaults).resumedChoices(), "other options");
    }

    private static List<PollObservation> with(List<PollObservation> polls, PollObservation added) {
        List<PollObservation> out = new ArrayList<>(polls);
        out.add(added);
        return out;
    }

    /** The poll at {@code index} replaced from {@code on} by a version 4 points higher on "yes". */
    private static List<PollObservation> revised(List<PollObservation> polls, int index, LocalDate on) {
        List<PollObservation> out = new ArrayList<>(polls);
        PollObservation p = out.get(index);
        out.set(index, until(p, on));
        Map<String, Double> shares = new java.util.HashMap<>(p.shares());
        shares.put("yes", p.shares().get("yes") + 4);
        out.add(
                index + 1,
                new PollObservation(
                        p.pollId(),
                        p.pollster(),
                        p.fieldStart(),
                        p.fieldEnd(),
                        on,
                        p.sampleSize(),
                        p.population(),
                        p.tracking(),
                        shares,
                        null));
        return out;
    }

    private static List<PollObservation> retracted(List<PollObservation> polls, int index, LocalDate on) {
        List<PollObservation> out = new ArrayList<>(polls);
        out.set(index, until(out.get(index), on));
        return out;
    }

    private static PollObservation until(PollObservation p, LocalDate until) {
        return new PollObservation(
                p.pollId(),
                p.pollster(),
                p.fieldStart(),
                p.fieldEnd(),
                p.availableFrom(),
                p.sampleSize(),
                p.population(),
                p.tracking(),
                p.shares(),
                until);
    }

    private static PollObservation poll(String id, String pollster, LocalDate end, LocalDate published, Double n) {
        return new PollObservation(
                id,
                pollster,
                end.minusDays(2),
                end,
                published,
                n,
                "a",
                false,
                Map.of("yes", 52.0, "no", 41.0, "maybe", 7.0),
                null);
    }

    /**
     * Eight pollsters with house effects over {@value #DAYS} days, a quarter of the polls without n, some
     * published late, some without the third choice, a few reported for adults and later for likely
     * voters, revisions and retractions.
     */
    private static List<PollObservation> synthetic(Random r) {
        List<PollObservation> out = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int p = r.nextInt(8);
            LocalDate end = START.plusDays(r.nextInt(DAYS - 5));
            LocalDate published = end.plusDays(r.nextInt(4));
            double truth = 48 + 4 * Math.sin(i / 60.0);
            double yes = Math.round(10 * (truth + (p - 4) * 0.7 + 2 * r.nextGaussian())) / 10.0;
            Double n = i % 4 == 1 ? null : 400.0 + r.nextInt(1600);
            Map<String, Double> shares = i % 5 == 0
                    ? Map.of("yes", yes, "no", Math.round(10 * (93 - yes)) / 10.0)
                    : Map.of("yes", yes, "no", Math.round(10 * (88 - yes)) / 10.0, "maybe", 5 + r.nextInt(6) * 1.0);
            LocalDate until = i % 17 == 3 ? published.plusDays(1 + r.nextInt(20)) : null;
            String pollster = "Pollster " + p;
            out.add(new PollObservation(
                    "p" + i, pollster, end.minusDays(3), end, published, n, "a", false, shares, until));
            if (until != null && i % 2 == 0) { // revised; with odd i, retracted
                out.add(new PollObservation(
                        "p" + i,
                        pollster,
                        end.minusDays(3),
                        end,
                        until,
                        n,
                        "a",
                        false,
                        Map.of("yes", yes + 2, "no", Math.round(10 * (86 - yes)) / 10.0),
                        null));
            }
            if (i % 23 == 0) {
                out.add(new PollObservation(
                        "p" + i + "-lv",
                        pollster,
                        end.minusDays(3),
                        end,
                        published.plusDays(2),
                        n,
                        "lv",
                        false,
                        Map.of("yes", yes - 1.5, "no", Math.round(10 * (90 - yes)) / 10.0),
                        null));
            }
        }
        return out;
    }
}
