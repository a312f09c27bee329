package org.pollwatch;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.pollwatch.common.PageView;
import org.pollwatch.polls.PollSummary;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.RevisionView;
import org.pollwatch.pollsters.PollsterDocument;
import org.pollwatch.problems.FieldError;
import org.pollwatch.problems.Problem;

/**
 * JSON types that Quarkus cannot find on its own for a native image: bodies sent inside a
 * {@code Response} (conditional GETs, 201 Created, problem responses of the exception mappers),
 * the content type of the generic {@code PageView<T>}, and {@code PollView}, which revisions read back
 * from stored JSON. Resource methods that return a record directly need no entry here.
 */
@RegisterForReflection(targets = {
        PageView.class,
        PollSummary.class, PollSummary.QuestionRef.class,
        PollView.class, PollView.PollsterRef.class, PollView.Retraction.class, PollView.QuestionView.class,
        PollView.OptionView.class, PollView.SubgroupView.class,
        RevisionView.class,
        PollsterDocument.class,
        Problem.class, FieldError.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
