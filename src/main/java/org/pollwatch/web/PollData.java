package org.pollwatch.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.pollwatch.comparisons.ComparisonService;
import org.pollwatch.comparisons.LeadComparison;
import org.pollwatch.comparisons.SubgroupComparison;
import org.pollwatch.polls.PollStatus;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.RevisionView;
import org.pollwatch.polls.service.PollReads;
import org.pollwatch.polls.service.PollService;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.stats.ConfidenceLevel;
import org.pollwatch.stats.SampleDesign;
import org.pollwatch.web.charts.BarChart;

/** A poll as the dashboard shows it, built from the polls and comparisons services. */
@ApplicationScoped
public class PollData {

    /** One option with its margin of error in points (null when the sample size is unknown). */
    public record OptionBar(String label, double percentage, Double margin, double width) {}

    /** Subgroups of one dimension side by side, with the comparison of the first two on the leading option. */
    public record SubgroupTable(
            String dimension,
            List<String> labels,
            List<String> options,
            Map<String, Map<String, String>> cells,
            SubgroupComparison comparison,
            String note) {}

    public record QuestionBlock(
            PollView.QuestionView question,
            List<OptionBar> bars,
            LeadComparison lead,
            String leadNote,
            List<SubgroupTable> subgroups) {}

    public record PollPage(PollView poll, List<QuestionBlock> questions, List<RevisionView> revisions) {
        public boolean retracted() {
            return poll.status() == PollStatus.RETRACTED;
        }
    }

    private final PollService polls;
    private final PollReads reads;
    private final ComparisonService comparisons;

    public PollData(PollService polls, PollReads reads, ComparisonService comparisons) {
        this.polls = polls;
        this.reads = reads;
        this.comparisons = comparisons;
    }

    /** The poll's current version (one primary-key lookup); 404 problem when there is no such poll. */
    public int version(long id) {
        return reads.version(id);
    }

    public static PollView.QuestionView question(PollView poll, long questionId) {
        return poll.questions().stream()
                .filter(q -> q.id() == questionId)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Poll " + poll.id() + " has no question " + questionId));
    }

    public PollView poll(long id) {
        return polls.get(id);
    }

    public PollPage page(long id) {
        PollView poll = polls.get(id);
        List<QuestionBlock> blocks = new ArrayList<>();
        for (PollView.QuestionView question : poll.questions()) {
            LeadComparison lead = null;
            String leadNote = null;
            if (poll.status() == PollStatus.RETRACTED) {
                leadNote = "The poll is retracted: its lead is not tested.";
            } else if (question.options().size() < 2) {
                leadNote = "One option only: no lead to test.";
            } else {
                try {
                    lead = comparisons.lead(poll.id(), question.id(), null, null, ConfidenceLevel.DEFAULT);
                } catch (ProblemException e) {
                    leadNote = e.getMessage();
                }
            }
            blocks.add(new QuestionBlock(question, bars(poll, question), lead, leadNote, subgroups(poll, question)));
        }
        return new PollPage(poll, blocks, polls.revisions(id));
    }

    public static List<OptionBar> bars(PollView poll, PollView.QuestionView question) {
        SampleDesign design = new SampleDesign(
                poll.sampleSize() == null ? null : poll.sampleSize().doubleValue(),
                poll.marginOfError() == null ? null : poll.marginOfError().doubleValue() / 100);
        double max = question.options().stream()
                .mapToDouble(o -> o.percentage().doubleValue())
                .max()
                .orElse(100);
        List<OptionBar> bars = new ArrayList<>();
        for (PollView.OptionView option : question.options()) {
            double share = option.percentage().doubleValue();
            OptionalDouble margin = design.marginOfError(share / 100, ConfidenceLevel.DEFAULT);
            bars.add(new OptionBar(
                    option.label(),
                    share,
                    margin.isPresent() ? Math.round(margin.getAsDouble() * 1000) / 10.0 : null,
                    max <= 0 ? 0 : Math.round(share / max * 1000) / 10.0));
        }
        return bars;
    }

    public static BarChart chart(PollView poll, PollView.QuestionView question) {
        List<BarChart.Bar> bars = new ArrayList<>();
        for (OptionBar bar : bars(poll, question)) {
            bars.add(new BarChart.Bar(bar.label(), bar.percentage(), bar.margin()));
        }
        String subtitle = poll.pollster().name() + ", " + poll.fieldStart() + " to " + poll.fieldEnd() + ", "
                + (poll.sampleSize() == null ? "sample size not given" : "n = " + poll.sampleSize())
                + (poll.status() == PollStatus.RETRACTED ? " · RETRACTED" : "");
        LocalDate day = poll.publishedOn() != null ? poll.publishedOn() : poll.fieldEnd();
        return BarChart.of(
                question.wording(),
                subtitle,
                "Pollwatch · data: " + poll.pollster().name() + " · " + day,
                bars,
                poll.status() == PollStatus.RETRACTED);
    }

    private List<SubgroupTable> subgroups(PollView poll, PollView.QuestionView question) {
        Map<String, List<PollView.SubgroupView>> byDimension = new LinkedHashMap<>();
        for (PollView.SubgroupView subgroup : question.subgroups()) {
            byDimension
                    .computeIfAbsent(subgroup.dimension(), k -> new ArrayList<>())
                    .add(subgroup);
        }
        List<String> options =
                question.options().stream().map(PollView.OptionView::label).toList();
        String leading = question.options().stream()
                .max((a, b) -> a.percentage().compareTo(b.percentage()))
                .map(PollView.OptionView::label)
                .orElse(null);
        List<SubgroupTable> tables = new ArrayList<>();
        byDimension.forEach((dimension, groups) -> {
            Map<String, Map<String, String>> cells = new LinkedHashMap<>();
            for (String option : options) {
                Map<String, String> row = new LinkedHashMap<>();
                for (PollView.SubgroupView group : groups) {
                    var value = group.percentages().get(option);
                    row.put(
                            group.label(),
                            value == null ? "–" : value.stripTrailingZeros().toPlainString() + " %");
                }
                cells.put(option, row);
            }
            SubgroupComparison comparison = null;
            String note = null;
            if (groups.size() >= 2 && leading != null && poll.status() != PollStatus.RETRACTED) {
                try {
                    comparison = comparisons.subgroups(
                            poll.id(),
                            question.id(),
                            dimension,
                            groups.get(0).label(),
                            groups.get(1).label(),
                            leading,
                            ConfidenceLevel.DEFAULT);
                } catch (ProblemException e) {
                    note = e.getMessage();
                }
            }
            tables.add(new SubgroupTable(
                    dimension,
                    groups.stream().map(PollView.SubgroupView::label).toList(),
                    options,
                    cells,
                    comparison,
                    note));
        });
        return tables;
    }
}
