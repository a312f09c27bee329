package org.pollwatch.trends;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pollwatch.polls.PollView;

/** Per-pollster house effects of a series: how far each pollster's results sit from the average. */
@Schema(name = "HouseEffects")
public record HouseEffectsView(
        String series,
        String method,
        String mode,
        @Schema(nullable = true) LocalDate asOf,

        @Schema(description = "In realtime mode, the house effects as known on this day", nullable = true)
        LocalDate to,

        List<HouseEffectView> houseEffects) {

    @Schema(name = "HouseEffect")
    public record HouseEffectView(
            PollView.PollsterRef pollster,
            @Schema(example = "approve") String choice,

            @Schema(
                    description =
                            "Points the pollster shows the choice above (+) or below (-) the average; its mean residual, "
                                    + "shrunk toward 0 the fewer polls it has",
                    example = "-1.8")
            double effect,

            @Schema(description = "Standard error of the effect, points", example = "0.9")
            double standardError,

            @Schema(description = "Polls the effect is based on", example = "12")
            int polls) {}
}
