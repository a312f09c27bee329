package org.pollwatch.polls.service;

import java.util.List;
import java.util.Set;
import org.pollwatch.polls.Poll;
import org.pollwatch.polls.PollDocument;
import org.pollwatch.problems.FieldError;

/**
 * Membership of a poll's questions in what tracks them across polls (questions[].series and
 * seriesChoices of a poll document). Polls own this port; the series feature implements it, so polls
 * never depend on series. A write checks the document once and, once the poll is stored, joins its
 * questions with what that check found.
 */
public interface QuestionMembership {

    /** Adds the field errors of the document's membership fields to {@code errors}; returns how to join. */
    Joining check(PollDocument document, List<FieldError> errors);

    /** Keys of the series the poll's questions belong to now (in the caller's transaction). */
    Set<String> seriesOf(long pollId);

    /** The memberships a checked document asks for, applied to the stored poll (same question order). */
    @FunctionalInterface
    interface Joining {
        void join(Poll poll);
    }
}
