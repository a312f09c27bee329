package org.pollwatch.polls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How completely a pollster discloses, over its polls that are not retracted. */
@Schema(name = "PollsterDisclosure")
public record PollsterDisclosureView(
        PollView.PollsterRef pollster,

        @Schema(description = "Polls counted: the pollster's polls that are not retracted", example = "12")
        long polls,

        @Schema(
                description = "Mean of the polls' disclosure scores (0-100), one decimal; null without polls",
                nullable = true,
                example = "72.5")
        Double averageScore,

        @Schema(description = "Each disclosure item, in list order, with the share of the polls that give it")
        List<ItemShare> items) {

    @Schema(name = "DisclosureItemShare")
    public record ItemShare(
            DisclosureItem item,

            @Schema(description = "What the item needs") String meaning,

            @Schema(description = "Polls that give it") long polls,

            @Schema(
                    description = "Percentage of the polls that give it, one decimal; null without polls",
                    nullable = true)
            Double share) {}

    /** The summary of {@code pollCounts}: how many polls disclose each set of items. */
    public static PollsterDisclosureView of(PollView.PollsterRef pollster, Map<Integer, Long> pollCounts) {
        long polls = 0;
        double scoreSum = 0;
        long[] perItem = new long[DisclosureItem.values().length];
        for (Map.Entry<Integer, Long> count : pollCounts.entrySet()) {
            polls += count.getValue();
            scoreSum += (double) DisclosureItem.score(count.getKey()) * count.getValue();
            for (DisclosureItem item : DisclosureItem.present(count.getKey())) {
                perItem[item.ordinal()] += count.getValue();
            }
        }
        List<ItemShare> items = new ArrayList<>();
        for (DisclosureItem item : DisclosureItem.values()) {
            long giving = perItem[item.ordinal()];
            items.add(new ItemShare(
                    item, item.meaning(), giving, polls == 0 ? null : oneDecimal(100.0 * giving / polls)));
        }
        return new PollsterDisclosureView(pollster, polls, polls == 0 ? null : oneDecimal(scoreSum / polls), items);
    }

    private static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
