package org.pollwatch.polls;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How completely a poll discloses the AAPOR Transparency Initiative items. */
@Schema(
        name = "Disclosure",
        description = "Which of the 12 disclosure items (AAPOR Transparency Initiative, plus the sponsor's "
                + "partisanship) the poll gives; README lists what each item needs")
public record DisclosureView(
        @Schema(description = "Percentage of the items disclosed, each weighing the same", example = "67")
        int score,

        List<DisclosureItem> disclosed,
        List<DisclosureItem> missing) {

    public static DisclosureView of(int items) {
        return new DisclosureView(
                DisclosureItem.score(items), DisclosureItem.present(items), DisclosureItem.present(~items));
    }
}
