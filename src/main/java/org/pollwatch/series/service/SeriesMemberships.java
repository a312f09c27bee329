package org.pollwatch.series.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pollwatch.polls.PollDocument;
import org.pollwatch.polls.PollDocument.QuestionDocument;
import org.pollwatch.polls.service.QuestionMembership;
import org.pollwatch.problems.FieldError;
import org.pollwatch.series.Series;
import org.pollwatch.series.SeriesQuestion;

/**
 * Series membership of submitted and revised polls: each question naming a series must name an
 * existing one and map its options onto the series' choices ({@link SeriesMapping}). The lookup and
 * mapping done by the check are the ones the join stores. A question whose document names no series
 * keeps its membership, if any: a revision need not repeat it.
 */
@ApplicationScoped
public class SeriesMemberships implements QuestionMembership {

    private record Member(int question, Series series, Map<String, String> choiceMap) {}

    @Override
    public Set<String> seriesOf(long pollId) {
        return new TreeSet<>(SeriesQuestion.getEntityManager()
                .createQuery(
                        "select distinct sq.series.seriesKey from SeriesQuestion sq, Question q"
                                + " where q.id = sq.questionId and q.poll.id = :poll",
                        String.class)
                .setParameter("poll", pollId)
                .getResultList());
    }

    @Override
    public Joining check(PollDocument document, List<FieldError> errors) {
        List<Member> members = new ArrayList<>();
        for (int q = 0; q < document.questions().size(); q++) {
            QuestionDocument question = document.questions().get(q);
            String path = "questions[" + q + "].";
            if (question.series() == null || question.series().isBlank()) {
                if (question.seriesChoices() != null
                        && !question.seriesChoices().isEmpty()) {
                    errors.add(new FieldError(path + "seriesChoices", "needs a series"));
                }
                continue;
            }
            Series series = Series.findByKey(question.series().trim()).orElse(null);
            if (series == null) {
                errors.add(new FieldError(
                        path + "series",
                        "no series with key '" + question.series().trim() + "'; create it first with POST /series"));
                continue;
            }
            Map<String, String> map = SeriesMapping.map(
                    series,
                    question.options().stream().map(o -> o.label().trim()).toList(),
                    question.seriesChoices(),
                    path,
                    errors);
            members.add(new Member(q, series, map));
        }
        return poll -> {
            for (Member member : members) {
                SeriesQuestion.assign(poll.questions.get(member.question()).id, member.series(), member.choiceMap());
            }
        };
    }
}
