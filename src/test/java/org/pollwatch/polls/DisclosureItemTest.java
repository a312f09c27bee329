package org.pollwatch.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisclosureItemTest {

    @Test
    void scoreIsTheRoundedShareOfTheTwelveItems() {
        assertEquals(12, DisclosureItem.values().length);
        assertEquals(0, DisclosureItem.score(0));
        assertEquals(8, DisclosureItem.score(0b10)); // 1 of 12 = 8.33
        assertEquals(25, DisclosureItem.score(0b111)); // 3 of 12
        assertEquals(58, DisclosureItem.score(0b1111111)); // 7 of 12 = 58.33
        assertEquals(100, DisclosureItem.score(0xFFF));
        // bits beyond the twelve items do not count
        assertEquals(100, DisclosureItem.score(0xFFFF));
    }

    @Test
    void bitsAndPresentItemsAreInverse() {
        EnumSet<DisclosureItem> items =
                EnumSet.of(DisclosureItem.SPONSOR, DisclosureItem.SAMPLE_SIZE, DisclosureItem.PARTISANSHIP);
        int bits = DisclosureItem.bits(items);
        assertEquals(1 | 1 << 7 | 1 << 11, bits);
        assertEquals(List.copyOf(items), DisclosureItem.present(bits));
    }

    @Test
    void aPollsterSummaryWeighsEveryPollOnce() {
        // two polls giving all 12 items, one giving wording only (1 of 12)
        PollsterDisclosureView view = PollsterDisclosureView.of(
                new PollView.PollsterRef("p", "P"),
                Map.of(0xFFF, 2L, DisclosureItem.bits(List.of(DisclosureItem.WORDING)), 1L));
        assertEquals(3, view.polls());
        assertEquals(69.3, view.averageScore()); // (100 + 100 + 8) / 3 = 69.33
        PollsterDisclosureView.ItemShare wording = view.items().get(DisclosureItem.WORDING.ordinal());
        assertEquals(3, wording.polls());
        assertEquals(100.0, wording.share());
        PollsterDisclosureView.ItemShare sponsor = view.items().get(DisclosureItem.SPONSOR.ordinal());
        assertEquals(DisclosureItem.SPONSOR, sponsor.item());
        assertEquals(2, sponsor.polls());
        assertEquals(66.7, sponsor.share());

        PollsterDisclosureView none = PollsterDisclosureView.of(new PollView.PollsterRef("p", "P"), Map.of());
        assertEquals(0, none.polls());
        assertNull(none.averageScore());
        assertNull(none.items().get(0).share());
    }
}
