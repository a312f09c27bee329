package org.pollwatch.polls;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The items of the AAPOR Transparency Initiative's disclosure list (AAPOR Code of Professional Ethics
 * and Practices, 2021, section III.A: items for immediate disclosure), plus the sponsor's partisanship. The database
 * computes which items a poll discloses (poll.disclosure_items, migration V12) as a bit set in which
 * bit {@code i} is the item with ordinal {@code i}: keep this order.
 */
public enum DisclosureItem {
    @JsonProperty("sponsor")
    SPONSOR("Sponsor", "sponsor: who paid for the poll (the pollster, or conductedBy, conducted it)"),
    @JsonProperty("wording")
    WORDING(
            "Question wording and order",
            "questions' exact wording and order: every poll has them, the API requires them"),
    @JsonProperty("population")
    POPULATION("Population", "populationDescription: the population studied, beyond the population code"),
    @JsonProperty("samplingFrame")
    SAMPLING_FRAME("Sampling frame", "samplingFrame: the list or source the sample was drawn from"),
    @JsonProperty("sampleDesign")
    SAMPLE_DESIGN("Sample design and recruitment", "sampleDesign: how respondents were selected and recruited"),
    @JsonProperty("mode")
    MODE("Mode and dates", "mode: how respondents were interviewed (the field dates are required)"),
    @JsonProperty("languages")
    LANGUAGES("Languages", "language: the languages of the interviews"),
    @JsonProperty("sampleSize")
    SAMPLE_SIZE("Sample size", "sampleSize: the number of respondents"),
    @JsonProperty("precision")
    PRECISION(
            "Precision (margin of error)",
            "marginOfError: the precision of the results (designEffect, if given, says how it was adjusted)"),
    @JsonProperty("weighting")
    WEIGHTING("Weighting", "weighting: the variables and targets the results were weighted to"),
    @JsonProperty("fullReport")
    FULL_REPORT("Full report", "sourceUrl: a link to the full report or release"),
    @JsonProperty("partisanship")
    PARTISANSHIP(
            "Sponsor's partisanship",
            "sponsorPartisanship: whether the sponsor is nonpartisan, partisan, or the campaign itself");

    private final String title;
    private final String meaning;

    DisclosureItem(String title, String meaning) {
        this.title = title;
        this.meaning = meaning;
    }

    /** The item's name for people, as pages show it. */
    public String title() {
        return title;
    }

    /** The field that discloses the item, and what it says. */
    public String meaning() {
        return meaning;
    }

    public boolean in(int items) {
        return (items & (1 << ordinal())) != 0;
    }

    /** The items a bit set holds, in list order. */
    public static List<DisclosureItem> present(int items) {
        List<DisclosureItem> present = new ArrayList<>();
        for (DisclosureItem item : values()) {
            if (item.in(items)) {
                present.add(item);
            }
        }
        return present;
    }

    /** The bit set of these items. */
    public static int bits(Collection<DisclosureItem> items) {
        int bits = 0;
        for (DisclosureItem item : items) {
            bits |= 1 << item.ordinal();
        }
        return bits;
    }

    /** Percentage of the items disclosed, rounded to a whole number: every item weighs the same. */
    public static int score(int items) {
        return Math.round(100f * Integer.bitCount(items & ((1 << values().length) - 1)) / values().length);
    }
}
