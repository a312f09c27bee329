package org.pollwatch.stats.trend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pollwatch.imports.fivethirtyeight.Topline;

/**
 * Not a test: grid search of parameters against FiveThirtyEight's averages, run by hand, e.g.
 * {@code java -cp target/classes:target/test-classes org.pollwatch.stats.trend.TrendTuning KALMAN}.
 * Prints the best settings by the worse of the two MAEs.
 */
public final class TrendTuning {

    public static void main(String[] args) {
        TrendEngine engine = new TrendEngine();
        List<PollObservation> polls = FiveThirtyEightFixture.polls();
        List<Topline> toplines = FiveThirtyEightFixture.toplines();
        if (args.length > 0 && args[0].equals("table")) {
            table(engine, polls, toplines);
            return;
        }
        TrendMethod method = TrendMethod.valueOf(args.length > 0 ? args[0] : "WEIGHTED_AVERAGE");
        record Row(String settings, FiveThirtyEightFixture.Mae mae) {}
        List<Row> rows = new ArrayList<>();
        double[] primary = switch (method) {
            case WEIGHTED_AVERAGE -> new double[] {10, 14, 21, 28};
            case LOESS -> new double[] {30, 60, 90, 120, 180};
            case KALMAN -> new double[] {0.1, 0.15, 0.2};
        };
        for (double v : primary)
            for (int window : new int[] {30, 45, 60})
                for (double alpha : new double[] {0.25, 0.5, 0.75})
                    for (double sd : new double[] {1, 1.5, 2})
                        for (Double prior : new Double[] {null, 5.0, 10.0, 20.0})
                            for (int iter : new int[] {1, 2})
                                for (PopulationPreference pp : List.of(
                                        PopulationPreference.LIKELY_VOTERS_FIRST, PopulationPreference.ADULTS_FIRST)) {
                                    TrendOptions.Builder b = TrendOptions.builder()
                                            .method(method)
                                            .windowDays(window)
                                            .pollsterFloodExponent(alpha)
                                            .nonSamplingSd(sd)
                                            .houseEffectIterations(iter)
                                            .populationPreference(pp);
                                    if (prior != null && prior < 0) b.adjustHouseEffects(false);
                                    else b.houseEffectPriorPolls(prior);
                                    switch (method) {
                                        case WEIGHTED_AVERAGE -> b.halfLifeDays(v);
                                        case LOESS -> b.loessSpanDays(v);
                                        case KALMAN -> b.kalmanDailySd(v);
                                    }
                                    String s = String.format(
                                            "%s=%s window=%d alpha=%s sd=%s house=%s iter=%d pop=%s",
                                            method == TrendMethod.WEIGHTED_AVERAGE
                                                    ? "halfLife"
                                                    : method == TrendMethod.LOESS ? "span" : "dailySd",
                                            v,
                                            window,
                                            alpha,
                                            sd,
                                            prior == null ? "EB" : prior < 0 ? "off" : "k" + prior,
                                            iter,
                                            pp.order().get(0));
                                    rows.add(
                                            new Row(s, FiveThirtyEightFixture.mae(engine, polls, toplines, b.build())));
                                }
        rows.sort(Comparator.comparingDouble(r -> r.mae().worst()));
        rows.stream()
                .limit(args.length > 1 ? Integer.parseInt(args[1]) : 25)
                .forEach(r -> System.out.println(r.settings() + " -> " + r.mae()));
    }

    /** The settings reported in the validation table: a plain average, then one refinement at a time. */
    static void table(TrendEngine engine, List<PollObservation> polls, List<Topline> toplines) {
        TrendOptions plain = TrendOptions.builder()
                .method(TrendMethod.WEIGHTED_AVERAGE)
                .halfLifeDays(7)
                .windowDays(30)
                .pollsterFloodExponent(0)
                .nonSamplingSd(2)
                .adjustHouseEffects(false)
                .build();
        TrendOptions d = TrendOptions.defaults();
        java.util.LinkedHashMap<String, TrendOptions> cases = new java.util.LinkedHashMap<>();
        cases.put("WA plain: half-life 7, window 30, sd 2, no flood limit, no house", plain);
        cases.put(
                "WA plain + flood alpha 0.5",
                plain.toBuilder().pollsterFloodExponent(0.5).build());
        cases.put("WA plain + half-life 14", plain.toBuilder().halfLifeDays(14).build());
        cases.put("DEFAULT", d);
        cases.put("default, house off", d.toBuilder().adjustHouseEffects(false).build());
        cases.put(
                "default, house EB (prior estimated)",
                d.toBuilder().houseEffectPriorPolls(null).build());
        cases.put("default, house k=5", d.toBuilder().houseEffectPriorPolls(5.0).build());
        cases.put(
                "default, house k=20", d.toBuilder().houseEffectPriorPolls(20.0).build());
        cases.put(
                "default, house reference MEDIAN_POLLSTER",
                d.toBuilder()
                        .houseEffectReference(HouseEffectReference.MEDIAN_POLLSTER)
                        .build());
        cases.put(
                "default, house iterations 2",
                d.toBuilder().houseEffectIterations(2).build());
        cases.put(
                "default, flood alpha 0", d.toBuilder().pollsterFloodExponent(0).build());
        cases.put(
                "default, flood alpha 0.5",
                d.toBuilder().pollsterFloodExponent(0.5).build());
        cases.put(
                "default, flood alpha 1", d.toBuilder().pollsterFloodExponent(1).build());
        cases.put("default, sd 2", d.toBuilder().nonSamplingSd(2).build());
        cases.put("default, half-life 7", d.toBuilder().halfLifeDays(7).build());
        cases.put("default, half-life 21", d.toBuilder().halfLifeDays(21).build());
        cases.put("default, window 45", d.toBuilder().windowDays(45).build());
        cases.put("default, window 21", d.toBuilder().windowDays(21).build());
        cases.put("default, lag 1 day", d.toBuilder().minReportingLagDays(1).build());
        cases.put("default, lag 2 days", d.toBuilder().minReportingLagDays(2).build());
        cases.put("default, lag 3 days", d.toBuilder().minReportingLagDays(3).build());
        cases.put(
                "default, population adults first",
                d.toBuilder()
                        .populationPreference(PopulationPreference.ADULTS_FIRST)
                        .build());
        TrendOptions k = d.toBuilder()
                .method(TrendMethod.KALMAN)
                .kalmanDailySd(0.15)
                .windowDays(45)
                .build();
        cases.put("KALMAN daily sd 0.15, window 45, other defaults", k);
        cases.put("KALMAN daily sd 0.1", k.toBuilder().kalmanDailySd(0.1).build());
        cases.put("KALMAN daily sd 0.3", k.toBuilder().kalmanDailySd(0.3).build());
        cases.put("KALMAN house off", k.toBuilder().adjustHouseEffects(false).build());
        cases.put("KALMAN house EB", k.toBuilder().houseEffectPriorPolls(null).build());
        TrendOptions l =
                d.toBuilder().method(TrendMethod.LOESS).loessSpanDays(120).build();
        cases.put("LOESS span 120, other defaults", l);
        cases.put("LOESS span 30", l.toBuilder().loessSpanDays(30).build());
        cases.put("LOESS span 60", l.toBuilder().loessSpanDays(60).build());
        cases.put("LOESS house off", l.toBuilder().adjustHouseEffects(false).build());
        cases.forEach((name, o) -> {
            FiveThirtyEightFixture.Mae m = FiveThirtyEightFixture.mae(engine, polls, toplines, o);
            System.out.printf("| %s | %.3f | %.3f |%n", name, m.approve(), m.disapprove());
        });
    }
}
