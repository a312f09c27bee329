package org.pollwatch;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.pollwatch.common.PageView;
import org.pollwatch.comparisons.IntervalView;
import org.pollwatch.comparisons.LeadComparison;
import org.pollwatch.comparisons.SampleSizeView;
import org.pollwatch.comparisons.ShareView;
import org.pollwatch.comparisons.SubgroupComparison;
import org.pollwatch.comparisons.SubgroupShareView;
import org.pollwatch.polls.PollSummary;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.RevisionView;
import org.pollwatch.pollsters.PollsterDocument;
import org.pollwatch.problems.FieldError;
import org.pollwatch.problems.Problem;
import org.pollwatch.trends.HouseEffectsView;
import org.pollwatch.trends.TrendView;

/**
 * JSON types that Quarkus cannot find on its own for a native image: bodies sent inside a
 * {@code Response} (conditional GETs, 201 Created, problem responses of the exception mappers),
 * lead and subgroup comparisons and house effects, served as {@code Response} for their ETags,
 * the content type of the generic {@code PageView<T>}, {@code PollView}, which revisions and as-of
 * trends read back from stored JSON, and {@code TrendView}, serialised ahead by the trend cache.
 * Resource methods that return a record directly need no entry here.
 */
@RegisterForReflection(
        targets = {
            PageView.class,
            PollSummary.class,
            PollSummary.QuestionRef.class,
            PollView.class,
            PollView.PollsterRef.class,
            PollView.Retraction.class,
            PollView.QuestionView.class,
            PollView.OptionView.class,
            PollView.SubgroupView.class,
            RevisionView.class,
            PollsterDocument.class,
            Problem.class,
            FieldError.class,
            TrendView.class,
            TrendView.Point.class,
            LeadComparison.class,
            SubgroupComparison.class,
            ShareView.class,
            SubgroupShareView.class,
            IntervalView.class,
            SampleSizeView.class,
            HouseEffectsView.class,
            HouseEffectsView.HouseEffectView.class
        })
final class JsonTypes {

    private JsonTypes() {}
}
