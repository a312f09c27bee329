package org.pollwatch.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pollwatch.common.PageView;
import org.pollwatch.common.ReadCache;
import org.pollwatch.polls.PollStatus;
import org.pollwatch.polls.PollSummary;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.PollsterDisclosureView;
import org.pollwatch.polls.service.PollQuery;
import org.pollwatch.polls.service.PollService;
import org.pollwatch.pollsters.PollsterDocument;
import org.pollwatch.pollsters.PollsterService;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.series.SeriesDocument;
import org.pollwatch.series.SeriesView;
import org.pollwatch.trends.HouseEffectsView;
import org.pollwatch.trends.TrendView;
import org.pollwatch.trends.rest.TrendParams;
import org.pollwatch.trends.service.ComputedTrend;
import org.pollwatch.web.charts.TrendChart;

/** The home and pollster pages' data: latest polls with their headline result, series with their current average. */
@ApplicationScoped
public class DashboardData {

    /** A poll in a list, with its first question's two leading options as a headline. */
    public record ListedPoll(PollSummary poll, String question, String headline) {
        public boolean retracted() {
            return poll.status() == PollStatus.RETRACTED;
        }
    }

    /** A choice's current average and its change over the last 30 days (null when the trend is shorter). */
    public record Current(String label, double estimate, Double change) {
        public String text() {
            String value = String.format(Locale.ROOT, "%.1f %%", estimate);
            if (change == null) {
                return value;
            }
            return value + String.format(Locale.ROOT, " (%+.1f in 30 days)", change);
        }
    }

    public record SeriesCard(SeriesView series, List<Current> current, java.time.LocalDate asOf) {}

    public record PollsterEffect(SeriesView series, String choice, double effect, double standardError, int polls) {}

    public record Disclosure(String item, long disclosed, long total) {
        public long percent() {
            return total == 0 ? 0 : Math.round(100.0 * disclosed / total);
        }
    }

    public record PollsterPage(
            PollsterDocument pollster,
            PageView<ListedPoll> polls,
            List<PollsterEffect> houseEffects,
            List<Disclosure> disclosure,
            Double averageScore) {}

    /** What the home page shows: the latest polls its filters select and every series' card. */
    public record Home(PageView<ListedPoll> latest, List<SeriesCard> series) {}

    private final PollService polls;
    private final PollsterService pollsters;
    private final SeriesData series;

    /**
     * Home and pollster pages until the next change of any poll or series: each lists polls and
     * reads every series' trend, which a request would otherwise gather poll by poll again.
     */
    private final ReadCache.DataRegion pages;

    public DashboardData(PollService polls, PollsterService pollsters, SeriesData series, ReadCache cache) {
        this.polls = polls;
        this.pollsters = pollsters;
        this.series = series;
        this.pages = cache.untilAnyChange("web-dashboard-pages", 256);
    }

    /** The home page's parts for {@code query}, until the next change of data. */
    public Home home(PollQuery query) {
        return pages.get(query, () -> new Home(latest(query), seriesCards()));
    }

    private PageView<ListedPoll> latest(PollQuery query) {
        PageView<PollSummary> page = polls.search(query).value();
        List<ListedPoll> listed = new ArrayList<>();
        for (PollSummary summary : page.items()) {
            PollView poll = polls.get(summary.id());
            if (poll.questions().isEmpty()) {
                listed.add(new ListedPoll(summary, "", ""));
                continue;
            }
            PollView.QuestionView question = poll.questions().get(0);
            listed.add(new ListedPoll(summary, question.wording(), headline(question)));
        }
        return PageView.of(listed, page.page(), page.size(), page.total());
    }

    /** The question's two leading options: "Returning the hostages 51 % vs Toppling Hamas 36 %". */
    static String headline(PollView.QuestionView question) {
        return String.join(
                " vs ",
                question.options().stream()
                        .sorted(Comparator.comparing(PollView.OptionView::percentage)
                                .reversed())
                        .limit(2)
                        .map(o -> o.label() + " " + percent(o.percentage()))
                        .toList());
    }

    private List<SeriesCard> seriesCards() {
        List<SeriesCard> cards = new ArrayList<>();
        for (SeriesView view : series.list()) {
            TrendView trend =
                    series.trend(series.request(new TrendParams(), view.key())).trend();
            List<Current> current = new ArrayList<>();
            java.time.LocalDate last = null;
            for (SeriesDocument.ChoiceDocument choice : view.choices()) {
                List<TrendChart.Point> points = trend.points().stream()
                        .filter(p -> p.choice().equals(choice.key()))
                        .map(p -> new TrendChart.Point(p.date(), p.estimate(), p.lower(), p.upper()))
                        .toList();
                if (points.isEmpty()) {
                    continue;
                }
                TrendChart.Point end = points.get(points.size() - 1);
                last = end.date();
                TrendChart.Point before = points.stream()
                        .filter(p -> !p.date().isAfter(end.date().minusDays(30)))
                        .reduce((a, b) -> b)
                        .orElse(null);
                current.add(new Current(
                        choice.label(),
                        end.estimate(),
                        before == null ? null : Math.round((end.estimate() - before.estimate()) * 10) / 10.0));
            }
            cards.add(new SeriesCard(view, current, last));
        }
        return cards;
    }

    /** The pollster page's parts, until the next change of data (an unknown pollster's problem is not kept). */
    public PollsterPage pollster(String slug, int page) {
        return pages.get(new PollsterKey(slug, page), () -> pollsterNow(slug, page));
    }

    private record PollsterKey(String slug, int page) {}

    private PollsterPage pollsterNow(String slug, int page) {
        PollsterDocument pollster = pollsters.get(slug);
        PollQuery query = new PollQuery(slug, null, null, null, null, null, null, true, "-fieldEnd", page, 50);
        PageView<ListedPoll> listed = latest(query);
        List<PollsterEffect> effects = new ArrayList<>();
        for (SeriesView view : series.list()) {
            ComputedTrend computed;
            try {
                computed = series.trend(series.request(new TrendParams(), view.key()));
            } catch (ProblemException e) {
                continue;
            }
            for (HouseEffectsView.HouseEffectView effect :
                    computed.houseEffects().houseEffects()) {
                if (effect.pollster().slug().equals(slug)) {
                    effects.add(new PollsterEffect(
                            view, effect.choice(), effect.effect(), effect.standardError(), effect.polls()));
                }
            }
        }
        PollsterDisclosureView scored = polls.disclosureOf(slug).value();
        List<Disclosure> disclosure = scored.items().stream()
                .map(i -> new Disclosure(i.item().title(), i.polls(), scored.polls()))
                .toList();
        return new PollsterPage(pollster, listed, effects, disclosure, scored.averageScore());
    }

    static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString() + " %";
    }
}
