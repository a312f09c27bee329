package org.pollwatch.comparisons;

import java.math.BigDecimal;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pollwatch.stats.EffectiveSampleSize;
import org.pollwatch.stats.SampleDesign;

/** The sample size the statistics used, and which reported figures it rests on. */
@Schema(name = "SampleSize", description = "Effective sample size used in the formulas, and how it was obtained")
public record SampleSizeView(
        @Schema(
                description = "Respondents as reported by the source, null if not reported",
                example = "1000",
                nullable = true)
        Integer reportedSize,

        @Schema(
                description =
                        "Margin of error reported by the source, in points at 95% confidence, null if not reported",
                example = "3.5",
                nullable = true)
        BigDecimal reportedMarginOfError,

        @Schema(
                description =
                        "Sample size used in the variance formulas (n divided by the design effect); null when unknown",
                example = "1000",
                nullable = true)
        Double effectiveSize,

        @Schema(
                description =
                        "Kish design effect applied: (reported margin / simple-random-sampling margin)^2, at least 1",
                example = "1.0",
                nullable = true)
        Double designEffect,

        @Schema(
                description = "reported_size: n as reported, simple random sampling assumed; "
                        + "reported_size_with_design_effect: n divided by the design effect implied by the reported margin "
                        + "(for a subgroup: the whole poll's design effect); "
                        + "derived_from_margin_of_error: n = 1.96^2 * 0.25 / MoE^2 since only the margin was reported; "
                        + "unknown: neither was reported",
                enumeration = {
                    "reported_size",
                    "reported_size_with_design_effect",
                    "derived_from_margin_of_error",
                    "unknown"
                },
                example = "reported_size")
        String basis) {

    static SampleSizeView of(Integer reportedSize, BigDecimal reportedMarginOfError, SampleDesign design) {
        Optional<EffectiveSampleSize> effective = design.effectiveSampleSize();
        if (effective.isEmpty()) {
            return new SampleSizeView(reportedSize, reportedMarginOfError, null, null, "unknown");
        }
        EffectiveSampleSize size = effective.get();
        return new SampleSizeView(
                reportedSize, reportedMarginOfError, size.value(), size.designEffect(), basis(size.basis()));
    }

    private static String basis(EffectiveSampleSize.Basis basis) {
        return switch (basis) {
            case REPORTED_SIZE -> "reported_size";
            case REPORTED_SIZE_AND_MARGIN, REPORTED_SIZE_AND_POLL_DESIGN_EFFECT -> "reported_size_with_design_effect";
            case DERIVED_FROM_MARGIN -> "derived_from_margin_of_error";
        };
    }
}
