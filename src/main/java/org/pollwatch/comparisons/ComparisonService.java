package org.pollwatch.comparisons;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.pollwatch.common.ReadOnlyTransaction;
import org.pollwatch.polls.OptionResult;
import org.pollwatch.polls.Poll;
import org.pollwatch.polls.PollDocument;
import org.pollwatch.polls.PollStatus;
import org.pollwatch.polls.Question;
import org.pollwatch.polls.SubgroupResult;
import org.pollwatch.polls.service.PollRules;
import org.pollwatch.problems.FieldError;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.stats.ConfidenceLevel;
import org.pollwatch.stats.DifferenceTest;
import org.pollwatch.stats.SampleDesign;

/**
 * Leads, changes and subgroup differences of published poll results, with their significance.
 * Retracted polls are refused with 409: their numbers must not be quoted as evidence of anything.
 */
@ApplicationScoped
public class ComparisonService {

    /** Lead of option a over option b; without labels, the two options with the largest shares. */
    @ReadOnlyTransaction
    public LeadComparison lead(long pollId, long questionId, String labelA, String labelB, ConfidenceLevel level) {
        Question question = questionOfPoll(pollId, questionId);
        if (question.multipleAnswers) {
            throw new ProblemException(
                    422,
                    "Lead test does not apply",
                    "Question " + questionId
                            + " allows several answers, so its shares do not come from one multinomial sample and the"
                            + " lead formula does not hold; compare subgroups or polls instead",
                    List.of());
        }
        List<OptionResult> byShare = byShareDescending(question.options);
        OptionResult a = blank(labelA) ? pick(byShare, 0, "a") : option(question, "a", labelA);
        OptionResult b = blank(labelB) ? firstOtherThan(byShare, a) : option(question, "b", labelB);
        if (a.id.equals(b.id)) {
            throw ProblemException.invalidField("b", "must be another option than a ('" + a.label + "')");
        }

        SampleDesign design = design(question.poll);
        LeadTest lead = LeadTest.of(Points.share(a.percentage), Points.share(b.percentage), design, level);
        DifferenceTest test = lead.test();
        TestFigures figures = lead.figures();
        List<String> notes = lead.notes();
        notes.addAll(caveats(question.poll));
        return new LeadComparison(
                question.poll.id,
                question.id,
                question.wording,
                level.percent(),
                ShareView.of(a.label, a.percentage, design, level),
                ShareView.of(b.label, b.percentage, design, level),
                a.percentage.subtract(b.percentage).doubleValue(),
                figures.marginOfError(),
                figures.interval(),
                figures.z(),
                figures.pValue(),
                figures.verdict(),
                figures.minimumSampleSizeForSignificance(),
                SampleSizeView.of(question.poll.sampleSize, question.poll.marginOfError, design),
                figures.formula(),
                ComparisonSummaries.lead(
                        a.label, b.label, a.percentage.doubleValue(), b.percentage.doubleValue(), test, design),
                notes);
    }

    /**
     * The lead verdict of each question of a poll document, as its page would show it once published, without
     * storing anything: pollsters check what their release will be said to show. The document passes the same
     * rules as a submission; what needs the database (pollster, series) is checked when it is submitted.
     */
    public List<LeadPreview> preview(PollDocument document, ConfidenceLevel level) {
        List<FieldError> errors = PollRules.check(document);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid poll", errors);
        }
        SampleDesign design = new SampleDesign(
                document.sampleSize() == null ? null : document.sampleSize().doubleValue(),
                document.marginOfError() == null ? null : Points.share(document.marginOfError()));
        List<LeadPreview> previews = new ArrayList<>();
        for (int q = 0; q < document.questions().size(); q++) {
            PollDocument.QuestionDocument question = document.questions().get(q);
            if (Boolean.TRUE.equals(question.multipleAnswers())
                    || question.options().size() < 2) {
                String why = question.options().size() < 2
                        ? "The question has fewer than two options: there is no lead to test."
                        : "The question allows several answers, so its shares do not come from one multinomial"
                                + " sample and the lead formula does not hold.";
                previews.add(new LeadPreview(
                        q, question.wording(), null, null, null, null, null, "not_applicable", null, why, List.of()));
                continue;
            }
            List<PollDocument.OptionDocument> byShare = question.options().stream()
                    .sorted(Comparator.comparing(PollDocument.OptionDocument::percentage)
                            .reversed())
                    .toList();
            PollDocument.OptionDocument a = byShare.get(0);
            PollDocument.OptionDocument b = byShare.get(1);
            LeadTest lead = LeadTest.of(Points.share(a.percentage()), Points.share(b.percentage()), design, level);
            DifferenceTest test = lead.test();
            TestFigures figures = lead.figures();
            List<String> notes = lead.notes();
            previews.add(new LeadPreview(
                    q,
                    question.wording(),
                    ShareView.of(a.label(), a.percentage(), design, level),
                    ShareView.of(b.label(), b.percentage(), design, level),
                    a.percentage().subtract(b.percentage()).doubleValue(),
                    figures.marginOfError(),
                    figures.pValue(),
                    figures.verdict(),
                    figures.minimumSampleSizeForSignificance(),
                    ComparisonSummaries.lead(
                            a.label(),
                            b.label(),
                            a.percentage().doubleValue(),
                            b.percentage().doubleValue(),
                            test,
                            design),
                    notes));
        }
        return previews;
    }

    /**
     * Change of one option from the question {@code againstId} (earlier poll) to {@code questionId} (later poll).
     * Without {@code againstId}: the latest earlier poll of the same pollster that asked the same wording.
     */
    @ReadOnlyTransaction
    public ChangeComparison change(long questionId, Long againstId, String optionLabel, ConfidenceLevel level) {
        Question current = Question.findWithPoll(questionId)
                .orElseThrow(() -> ProblemException.notFound("No question with id " + questionId));
        refuseRetracted(current.poll);
        Question previous = againstId == null ? previousAsking(current) : against(current, againstId);

        String label = blank(optionLabel) ? byShareDescending(current.options).get(0).label : optionLabel.trim();
        OptionResult now = optionIn(current, label, "the later question " + current.id, previous);
        OptionResult before = optionIn(previous, label, "the earlier question " + previous.id, current);

        SampleDesign currentDesign = design(current.poll);
        SampleDesign previousDesign = design(previous.poll);
        DifferenceTest test = DifferenceTest.change(
                Points.share(now.percentage), currentDesign, Points.share(before.percentage), previousDesign, level);
        TestFigures figures = TestFigures.of(test);
        List<String> notes = new ArrayList<>(figures.notes());
        notes.addAll(caveats(current.poll));
        notes.addAll(caveats(previous.poll));
        if (!current.poll.pollster.id.equals(previous.poll.pollster.id)) {
            notes.add("The polls come from different pollsters; part of the change may be a house effect, "
                    + "which sampling error does not cover.");
        }
        return new ChangeComparison(
                now.label,
                current.wording,
                level.percent(),
                side(current, now, currentDesign, level),
                side(previous, before, previousDesign, level),
                now.percentage.subtract(before.percentage).doubleValue(),
                figures.marginOfError(),
                figures.interval(),
                figures.z(),
                figures.pValue(),
                figures.verdict(),
                figures.minimumSampleSizeForSignificance(),
                figures.formula(),
                ComparisonSummaries.change(
                        now.label,
                        before.percentage.doubleValue(),
                        previous.poll.fieldEnd,
                        previousDesign,
                        now.percentage.doubleValue(),
                        current.poll.fieldEnd,
                        currentDesign,
                        test),
                notes);
    }

    /** One option in subgroup a vs subgroup b of one dimension; each subgroup with its own sample size. */
    @ReadOnlyTransaction
    public SubgroupComparison subgroups(
            long pollId,
            long questionId,
            String dimensionName,
            String labelA,
            String labelB,
            String optionLabel,
            ConfidenceLevel level) {
        Question question = questionOfPoll(pollId, questionId);
        Map<String, List<SubgroupResult>> byDimension = question.subgroups.stream()
                .collect(Collectors.groupingBy(s -> s.dimension, TreeMap::new, Collectors.toList()));
        if (byDimension.isEmpty()) {
            throw ProblemException.invalidField("dimension", "question " + questionId + " has no subgroup results");
        }
        String dimension = dimension(byDimension, dimensionName);
        List<SubgroupResult> groups = byDimension.get(dimension);
        SubgroupResult a =
                blank(labelA) ? onlyTwo(groups, dimension, "a", 0) : subgroup(groups, dimension, "a", labelA);
        SubgroupResult b =
                blank(labelB) ? onlyTwo(groups, dimension, "b", 1) : subgroup(groups, dimension, "b", labelB);
        if (a.id.equals(b.id)) {
            throw ProblemException.invalidField("b", "must be another subgroup than a ('" + a.label + "')");
        }
        OptionResult option = blank(optionLabel)
                ? byShareDescending(question.options).get(0)
                : option(question, "option", optionLabel);
        BigDecimal percentA = shareOf(a, option);
        BigDecimal percentB = shareOf(b, option);

        SampleDesign pollDesign = design(question.poll);
        SampleDesign designA = subgroupDesign(a, pollDesign);
        SampleDesign designB = subgroupDesign(b, pollDesign);
        DifferenceTest test = DifferenceTest.subgroupDifference(
                Points.share(percentA), designA, Points.share(percentB), designB, level);
        TestFigures figures = TestFigures.of(test);
        List<String> notes = new ArrayList<>(figures.notes());
        notes.addAll(caveats(question.poll));
        notes.add(subgroupDesignNote(pollDesign));
        return new SubgroupComparison(
                question.poll.id,
                question.id,
                question.wording,
                dimension,
                option.label,
                level.percent(),
                subgroupSide(a, percentA, option, designA, level),
                subgroupSide(b, percentB, option, designB, level),
                percentA.subtract(percentB).doubleValue(),
                figures.marginOfError(),
                figures.interval(),
                figures.z(),
                figures.pValue(),
                figures.verdict(),
                figures.minimumSampleSizeForSignificance(),
                figures.formula(),
                ComparisonSummaries.subgroupDifference(
                        option.label,
                        a.label,
                        percentA.doubleValue(),
                        designA,
                        b.label,
                        percentB.doubleValue(),
                        designB,
                        test),
                notes);
    }

    // --- loading and matching ------------------------------------------------------------------------------

    private static Question questionOfPoll(long pollId, long questionId) {
        Question question = Question.findWithPoll(questionId).orElse(null);
        if (question == null) {
            if (Poll.findByIdOptional(pollId).isEmpty()) {
                throw ProblemException.notFound("No poll with id " + pollId);
            }
            throw ProblemException.notFound("No question with id " + questionId);
        }
        if (question.poll.id != pollId) {
            throw ProblemException.notFound("Question " + questionId + " does not belong to poll " + pollId
                    + "; it belongs to poll " + question.poll.id);
        }
        refuseRetracted(question.poll);
        return question;
    }

    private static void refuseRetracted(Poll poll) {
        if (poll.status == PollStatus.RETRACTED) {
            throw ProblemException.conflict(
                    "Poll " + poll.id + " is retracted (" + poll.retractionReason + ") and is left out of comparisons");
        }
    }

    private static Question against(Question current, long againstId) {
        Question previous = Question.findWithPoll(againstId)
                .orElseThrow(() -> ProblemException.notFound("No question with id " + againstId));
        if (previous.poll.id.equals(current.poll.id)) {
            throw ProblemException.invalidField(
                    "against",
                    "must be a question of another poll than question " + current.id + " (poll " + current.poll.id
                            + ")");
        }
        if (!sameWording(current, previous)) {
            throw ProblemException.invalidField(
                    "against",
                    "question " + againstId + " asks '" + previous.wording + "', not '" + current.wording
                            + "'; only questions with the same wording can be compared");
        }
        if (previous.poll.fieldEnd.isAfter(current.poll.fieldEnd)) {
            throw ProblemException.invalidField(
                    "against",
                    "must be a question of an earlier poll: its fieldwork ended "
                            + previous.poll.fieldEnd + ", after question " + current.id + "'s (" + current.poll.fieldEnd
                            + "); swap question and against");
        }
        refuseRetracted(previous.poll);
        return previous;
    }

    /** The latest poll of the same pollster, with fieldwork ending strictly earlier, that asked the same wording. */
    private static Question previousAsking(Question current) {
        List<Question> candidates = Question.find(
                        "select q from Question q join fetch q.poll p join fetch p.pollster "
                                + "where p.pollster = ?1 and p.id <> ?2 and p.status <> ?3 and p.fieldEnd < ?4 "
                                + "order by p.fieldEnd desc, p.id desc",
                        current.poll.pollster,
                        current.poll.id,
                        PollStatus.RETRACTED,
                        current.poll.fieldEnd)
                .list();
        return candidates.stream()
                .filter(q -> sameWording(q, current))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("No earlier poll by " + current.poll.pollster.name
                        + " asked '" + current.wording + "'; pass 'against' to choose the question to compare with"));
    }

    /** Same question means same wording, ignoring case and runs of whitespace. */
    static boolean sameWording(Question a, Question b) {
        return normalize(a.wording).equals(normalize(b.wording));
    }

    static String normalize(String wording) {
        return wording.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static OptionResult option(Question question, String parameter, String label) {
        return question.option(label.trim())
                .orElseThrow(() -> ProblemException.invalidField(
                        parameter,
                        "question " + question.id + " has no option '" + label + "'; options are "
                                + labels(question.options)));
    }

    /** The option must exist in both questions; the valid values listed are the labels they share. */
    private static OptionResult optionIn(Question question, String label, String which, Question other) {
        return question.option(label).orElseThrow(() -> {
            List<OptionResult> common = question.options.stream()
                    .filter(o -> other.option(o.label).isPresent())
                    .toList();
            return ProblemException.invalidField(
                    "option",
                    which + " has no option '" + label + "'; options in both questions are " + labels(common));
        });
    }

    private static List<OptionResult> byShareDescending(List<OptionResult> options) {
        // Stable sort: equal shares keep the published order.
        return options.stream()
                .sorted(Comparator.comparing((OptionResult o) -> o.percentage).reversed())
                .toList();
    }

    private static OptionResult pick(List<OptionResult> options, int index, String parameter) {
        if (options.size() <= index) {
            throw ProblemException.invalidField(parameter, "the question has fewer than two options to compare");
        }
        return options.get(index);
    }

    private static OptionResult firstOtherThan(List<OptionResult> options, OptionResult taken) {
        return options.stream()
                .filter(o -> !o.id.equals(taken.id))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField("b", "the question has only one option"));
    }

    private static String dimension(Map<String, List<SubgroupResult>> byDimension, String name) {
        if (blank(name)) {
            if (byDimension.size() == 1) {
                return byDimension.keySet().iterator().next();
            }
            throw ProblemException.invalidField(
                    "dimension",
                    "is required when a question has several dimensions; " + "dimensions are "
                            + quoted(byDimension.keySet()));
        }
        return byDimension.keySet().stream()
                .filter(d -> d.equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField(
                        "dimension", "no dimension '" + name + "'; dimensions are " + quoted(byDimension.keySet())));
    }

    private static SubgroupResult subgroup(
            List<SubgroupResult> groups, String dimension, String parameter, String label) {
        return groups.stream()
                .filter(s -> s.label.equalsIgnoreCase(label.trim()))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField(
                        parameter,
                        "no subgroup '" + label + "' in dimension '" + dimension + "'; subgroups are "
                                + quoted(groups.stream().map(s -> s.label).toList())));
    }

    /** a and b may be left out only when the dimension has exactly two subgroups. */
    private static SubgroupResult onlyTwo(List<SubgroupResult> groups, String dimension, String parameter, int index) {
        if (groups.size() != 2) {
            throw ProblemException.invalidField(
                    parameter,
                    "is required when dimension '" + dimension + "' has other than two subgroups; subgroups are "
                            + quoted(groups.stream().map(s -> s.label).toList()));
        }
        return groups.get(index);
    }

    private static BigDecimal shareOf(SubgroupResult subgroup, OptionResult option) {
        return Optional.ofNullable(subgroup.shares.get(option))
                .or(() -> subgroup.share(option.label))
                .orElseThrow(() -> ProblemException.invalidField(
                        "option",
                        "subgroup '" + subgroup.label
                                + "' has no result for option '" + option.label + "'; its options are "
                                + quoted(subgroup.shares.keySet().stream()
                                        .map(o -> o.label)
                                        .toList())));
    }

    // --- samples and views -----------------------------------------------------------------------------------

    private static SampleDesign design(Poll poll) {
        return new SampleDesign(
                poll.sampleSize == null ? null : poll.sampleSize.doubleValue(),
                poll.marginOfError == null ? null : Points.share(poll.marginOfError));
    }

    private static SampleDesign subgroupDesign(SubgroupResult subgroup, SampleDesign poll) {
        return SampleDesign.subgroupOf(subgroup.sampleSize == null ? null : subgroup.sampleSize.doubleValue(), poll);
    }

    private static String subgroupDesignNote(SampleDesign poll) {
        return poll.designEffect().isPresent()
                ? String.format(
                        Locale.ROOT,
                        "Subgroup variances are multiplied by the poll's design effect %.2f (from its reported n and"
                                + " margin of error): each subgroup's effective n is its n / %.2f.",
                        poll.designEffect().getAsDouble(),
                        poll.designEffect().getAsDouble())
                : "Subgroup sizes are treated as simple random samples: the poll reports no n and margin of error"
                        + " from which a design effect could be derived.";
    }

    private static PollShareView side(
            Question question, OptionResult option, SampleDesign design, ConfidenceLevel level) {
        ShareView share = ShareView.of(option.label, option.percentage, design, level);
        return new PollShareView(
                question.poll.id,
                question.id,
                question.poll.pollster.slug,
                question.poll.fieldEnd,
                share.share(),
                share.marginOfError(),
                share.wilsonInterval(),
                SampleSizeView.of(question.poll.sampleSize, question.poll.marginOfError, design));
    }

    private static SubgroupShareView subgroupSide(
            SubgroupResult subgroup,
            BigDecimal percentage,
            OptionResult option,
            SampleDesign design,
            ConfidenceLevel level) {
        ShareView share = ShareView.of(option.label, percentage, design, level);
        return new SubgroupShareView(
                subgroup.label,
                share.share(),
                share.marginOfError(),
                share.wilsonInterval(),
                SampleSizeView.of(subgroup.sampleSize, null, design));
    }

    private static List<String> caveats(Poll poll) {
        return poll.status == PollStatus.REVISED
                ? List.of("Poll " + poll.id + " was revised; the figures are those of its current version.")
                : List.of();
    }

    private static String labels(List<OptionResult> options) {
        return quoted(options.stream().map(o -> o.label).toList());
    }

    private static String quoted(Collection<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The lead test of two shares, with the notes a reader needs about it. */
    private record LeadTest(DifferenceTest test, TestFigures figures, List<String> notes) {

        static LeadTest of(double shareA, double shareB, SampleDesign design, ConfidenceLevel level) {
            List<String> notes = new ArrayList<>();
            double sum = shareA + shareB;
            if (sum > 1.0) {
                // Rounded published shares of a single-answer question may sum to 101%; the multinomial
                // variance needs them to fit in one sample, so they are scaled to sum to 100% for the test only.
                shareA /= sum;
                shareB /= sum;
                notes.add("The two shares sum to more than 100% through rounding; they were scaled to sum to 100% "
                        + "for the significance test.");
            }
            DifferenceTest test = DifferenceTest.lead(shareA, shareB, design, level);
            TestFigures figures = TestFigures.of(test);
            notes.addAll(figures.notes());
            return new LeadTest(test, figures, notes);
        }
    }
}
