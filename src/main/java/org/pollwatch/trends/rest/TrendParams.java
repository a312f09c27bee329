package org.pollwatch.trends.rest;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.pollwatch.common.Params;
import org.pollwatch.polls.Population;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.stats.trend.TrendMethod;
import org.pollwatch.stats.trend.TrendMode;
import org.pollwatch.stats.trend.TrendOptions;
import org.pollwatch.trends.config.TrendConfig;
import org.pollwatch.trends.service.TrendRequest;

/** Query parameters of the trend endpoints, parsed by hand so that a bad value is a 400 naming it. */
public class TrendParams {

    @Parameter(
            description = "First day to report (default: the first day with an estimate)",
            example = "2021-03-01",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("from")
    public String from;

    @Parameter(
            description = "Last day to report (default: the as-of day, else the last poll's day)",
            example = "2021-08-31",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("to")
    public String to;

    @Parameter(
            description =
                    "Only polls of these populations (adults, registered_voters, likely_voters, voters, other); repeat or separate by commas",
            example = "adults")
    @QueryParam("population")
    public List<String> population;

    @Parameter(
            description = "Leave out this pollster (slug); repeat or separate by commas",
            example = "rasmussen-pulse-opinion-research")
    @QueryParam("exclude-pollster")
    public List<String> excludePollster;

    @Parameter(
            description = "weighted_average (default), loess or kalman",
            example = "weighted_average",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"weighted_average", "loess", "kalman"}))
    @QueryParam("method")
    public String method;

    @Parameter(
            description =
                    "realtime (default: each day uses only the polls available by that day, publication date else field end) "
                            + "or hindsight (every day smoothed with all polls)",
            example = "realtime",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"realtime", "hindsight"}))
    @QueryParam("mode")
    public String mode;

    @Parameter(
            description =
                    "Answer as it would have been at the end of this day (UTC): only polls available by then, with the "
                            + "values they had then; polls retracted later still count",
            example = "2021-03-01",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("as-of")
    public String asOf;

    @Parameter(
            description = "Two-sided level of the band, between 0.5 and 0.999 (default 0.95); 90 means 0.90",
            example = "0.95")
    @QueryParam("confidence")
    public String confidence;

    @Parameter(
            description = "Subtract pollsters' house effects before averaging (default true)",
            example = "true",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @QueryParam("adjust-house-effects")
    public String adjustHouseEffects;

    @Parameter(
            description = "Only polls whose disclosure score (0-100, the share of the disclosure items they give) is "
                    + "at least this; see GET /pollsters/{slug}/disclosure",
            example = "50",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100"))
    @QueryParam("min-disclosure")
    public String minDisclosure;

    /**
     * The request these parameters make for {@code series}, every default resolved (configured ones
     * first, then the engine's); a bad value is a 400 problem naming its parameter.
     */
    public TrendRequest toRequest(String series, TrendConfig config) {
        TrendOptions engine = TrendOptions.defaults();
        List<String> defaulted = new ArrayList<>();
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        LocalDate asOfDate = Params.date("as-of", asOf);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw ProblemException.invalidField("from", "must not be after to (" + toDate + ")");
        }
        if (fromDate != null && toDate == null && asOfDate != null && fromDate.isAfter(asOfDate)) {
            throw ProblemException.invalidField("from", "must not be after as-of (" + asOfDate + ")");
        }
        TrendMethod trendMethod = Params.enumValue("method", method, TrendMethod.class);
        if (trendMethod == null) {
            trendMethod = config.defaultMethod().orElse(engine.method());
            defaulted.add("method");
        }
        TrendMode trendMode = Params.enumValue("mode", mode, TrendMode.class);
        if (trendMode == null) {
            trendMode = config.defaultMode().orElse(engine.mode());
            defaulted.add("mode");
        }
        double level = config.defaultConfidence().orElse(engine.confidenceLevel());
        if (confidence == null || confidence.isBlank()) {
            defaulted.add("confidence");
        } else {
            level = confidence(confidence);
        }
        boolean adjust = config.defaultAdjustHouseEffects().orElse(engine.adjustHouseEffects());
        if (adjustHouseEffects == null || adjustHouseEffects.isBlank()) {
            defaulted.add("adjust-house-effects");
        } else if (adjustHouseEffects.trim().equalsIgnoreCase("true")
                || adjustHouseEffects.trim().equalsIgnoreCase("false")) {
            adjust = Boolean.parseBoolean(adjustHouseEffects.trim());
        } else {
            throw ProblemException.invalidField(
                    "adjust-house-effects", "must be true or false, not '" + adjustHouseEffects + "'");
        }
        List<Population> populations = new ArrayList<>();
        for (String value : split(population)) {
            Population p = Params.enumValue("population", value, Population.class);
            if (!populations.contains(p)) {
                populations.add(p);
            }
        }
        populations.sort(null);
        List<String> excluded = new ArrayList<>();
        for (String value : split(excludePollster)) {
            String slug = value.toLowerCase(Locale.ROOT);
            if (!excluded.contains(slug)) {
                excluded.add(slug);
            }
        }
        excluded.sort(null);
        Integer minimumDisclosure = minDisclosure == null || minDisclosure.isBlank()
                ? null
                : Params.intInRange("min-disclosure", minDisclosure, 0, 0, 100);
        return new TrendRequest(
                series,
                fromDate,
                toDate,
                List.copyOf(populations),
                List.copyOf(excluded),
                minimumDisclosure,
                trendMethod,
                trendMode,
                asOfDate,
                level,
                adjust,
                List.copyOf(defaulted));
    }

    private static double confidence(String value) {
        double level;
        try {
            level = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("confidence", "must be a number such as 0.95, not '" + value + "'");
        }
        if (level > 1) {
            level = level / 100;
        }
        if (!(level >= 0.5 && level <= 0.999)) {
            throw ProblemException.invalidField("confidence", "must be between 0.5 and 0.999 (or 50 and 99.9)");
        }
        return level;
    }

    private static List<String> split(List<String> values) {
        List<String> parts = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.trim().isEmpty()) {
                        parts.add(part.trim());
                    }
                }
            }
        }
        return parts;
    }
}
