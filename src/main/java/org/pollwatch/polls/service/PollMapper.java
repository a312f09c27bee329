package org.pollwatch.polls.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pollwatch.polls.DisclosureItem;
import org.pollwatch.polls.DisclosureView;
import org.pollwatch.polls.OptionResult;
import org.pollwatch.polls.Poll;
import org.pollwatch.polls.PollDocument;
import org.pollwatch.polls.PollDocument.OptionDocument;
import org.pollwatch.polls.PollDocument.QuestionDocument;
import org.pollwatch.polls.PollDocument.SubgroupDocument;
import org.pollwatch.polls.PollSummary;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.Question;
import org.pollwatch.polls.SubgroupResult;
import org.pollwatch.pollsters.Pollster;

/** Copies between the API records and the entities. Questions and options keep their ids across revisions, by position. */
public final class PollMapper {

    private PollMapper() {}

    public static PollView toView(Poll poll) {
        return new PollView(
                poll.id,
                pollsterRef(poll.pollster),
                poll.sponsor,
                poll.fieldStart,
                poll.fieldEnd,
                poll.publishedOn,
                poll.population,
                poll.populationDescription,
                poll.country,
                poll.region,
                poll.mode,
                poll.sampleSize,
                poll.marginOfError,
                poll.weighting,
                poll.conductedBy,
                poll.samplingFrame,
                poll.sampleDesign,
                poll.designEffect,
                poll.sponsorPartisanship,
                poll.language,
                poll.sourceUrl,
                poll.notes,
                poll.tracking,
                poll.status,
                poll.retractedAt == null
                        ? null
                        : new PollView.Retraction(poll.retractionReason, poll.retractedAt, poll.retractedBy),
                poll.version,
                poll.createdAt,
                poll.updatedAt,
                poll.questions.stream().map(PollMapper::toView).toList(),
                DisclosureView.of(poll.disclosureItems));
    }

    public static PollView.QuestionView toView(Question question) {
        return new PollView.QuestionView(
                question.id,
                question.position,
                question.wording,
                List.copyOf(question.topics),
                question.multipleAnswers,
                question.options.stream()
                        .map(o -> new PollView.OptionView(o.id, o.position, o.label, o.percentage))
                        .toList(),
                question.subgroups.stream().map(PollMapper::toView).toList());
    }

    private static PollView.SubgroupView toView(SubgroupResult subgroup) {
        Map<String, BigDecimal> percentages = new LinkedHashMap<>();
        subgroup.shares.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getKey().position))
                .forEach(e -> percentages.put(e.getKey().label, e.getValue()));
        return new PollView.SubgroupView(
                subgroup.id, subgroup.dimension, subgroup.label, subgroup.sampleSize, percentages);
    }

    public static PollSummary toSummary(Poll poll) {
        return new PollSummary(
                poll.id,
                pollsterRef(poll.pollster),
                poll.sponsor,
                poll.fieldStart,
                poll.fieldEnd,
                poll.publishedOn,
                poll.population,
                poll.country,
                poll.mode,
                poll.sampleSize,
                poll.marginOfError,
                poll.status,
                poll.version,
                poll.updatedAt,
                DisclosureItem.score(poll.disclosureItems),
                poll.questions.stream()
                        .map(q -> new PollSummary.QuestionRef(q.id, q.wording, List.copyOf(q.topics)))
                        .toList());
    }

    public static PollView.PollsterRef pollsterRef(Pollster pollster) {
        return new PollView.PollsterRef(pollster.slug, pollster.name);
    }

    /** Writes the document onto the poll, reusing existing questions and options at the same positions. */
    static void apply(PollDocument document, Pollster pollster, Poll poll) {
        poll.pollster = pollster;
        poll.sponsor = blankToNull(document.sponsor());
        poll.fieldStart = document.fieldStart();
        poll.fieldEnd = document.fieldEnd();
        poll.publishedOn = document.publishedOn();
        poll.population = document.population();
        poll.populationDescription = blankToNull(document.populationDescription());
        poll.country = document.country();
        poll.region = blankToNull(document.region());
        poll.mode = document.mode();
        poll.sampleSize = document.sampleSize();
        poll.marginOfError = document.marginOfError() == null
                ? null
                : document.marginOfError().setScale(2, java.math.RoundingMode.UNNECESSARY);
        poll.weighting = blankToNull(document.weighting());
        poll.conductedBy = blankToNull(document.conductedBy());
        poll.samplingFrame = blankToNull(document.samplingFrame());
        poll.sampleDesign = blankToNull(document.sampleDesign());
        poll.designEffect = document.designEffect() == null
                ? null
                : document.designEffect().setScale(2, java.math.RoundingMode.UNNECESSARY);
        poll.sponsorPartisanship = document.sponsorPartisanship();
        poll.language = blankToNull(document.language());
        poll.sourceUrl = blankToNull(document.sourceUrl());
        poll.notes = blankToNull(document.notes());
        poll.tracking = Boolean.TRUE.equals(document.tracking());

        List<QuestionDocument> questions = document.questions();
        for (int q = 0; q < questions.size(); q++) {
            applyQuestion(questions.get(q), q + 1, reuseOrAdd(poll.questions, q, Question::new, poll::addQuestion));
        }
        trim(poll.questions, questions.size());
    }

    private static void applyQuestion(QuestionDocument document, int position, Question question) {
        question.position = position;
        question.wording = document.wording().trim();
        question.topics = document.topics() == null
                ? new ArrayList<>()
                : new ArrayList<>(document.topics().stream()
                        .map(t -> t.trim().toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList());
        question.multipleAnswers = Boolean.TRUE.equals(document.multipleAnswers());

        List<OptionDocument> options = document.options();
        for (int o = 0; o < options.size(); o++) {
            OptionResult option = reuseOrAdd(question.options, o, OptionResult::new, question::addOption);
            option.position = o + 1;
            option.label = options.get(o).label().trim();
            option.percentage = oneDecimal(options.get(o).percentage());
        }
        trim(question.options, options.size());

        // Subgroups are keyed by dimension and label, not position: rebuild them.
        question.subgroups.clear();
        if (document.subgroups() != null) {
            for (SubgroupDocument subgroupDocument : document.subgroups()) {
                SubgroupResult subgroup = new SubgroupResult();
                subgroup.dimension = subgroupDocument.dimension().trim();
                subgroup.label = subgroupDocument.label().trim();
                subgroup.sampleSize = subgroupDocument.sampleSize();
                subgroupDocument
                        .percentages()
                        .forEach((label, percentage) -> subgroup.shares.put(
                                question.option(label.trim()).orElseThrow(), oneDecimal(percentage)));
                question.addSubgroup(subgroup);
            }
        }
    }

    /** Revisions update rows in place (keeping their ids), adding rows only past the old count. */
    private static <T> T reuseOrAdd(List<T> rows, int index, Supplier<T> create, Consumer<T> add) {
        if (index < rows.size()) return rows.get(index);
        T row = create.get();
        add.accept(row);
        return row;
    }

    private static <T> void trim(List<T> list, int size) {
        while (list.size() > size) {
            list.remove(list.size() - 1);
        }
    }

    /** Stored as numeric(4,1): give the response the same scale as a later read from the database. */
    private static BigDecimal oneDecimal(BigDecimal percentage) {
        return percentage.setScale(1, java.math.RoundingMode.UNNECESSARY);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
