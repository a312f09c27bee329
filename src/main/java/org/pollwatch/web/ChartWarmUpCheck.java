package org.pollwatch.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Startup;

/**
 * The chart warm-up in the startup probe ({@code /q/health/started}): DOWN while it runs, so an
 * orchestrator that waits for it sends the first readers to a warm instance. Readiness does not wait
 * for it: an instance that is ready serves, only more slowly for those seconds. A failed warm-up is
 * UP (the service works without it) and says so.
 */
@Startup
@ApplicationScoped
public class ChartWarmUpCheck implements HealthCheck {

    private final ChartWarmUp warmUp;

    public ChartWarmUpCheck(ChartWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        ChartWarmUp.State state = warmUp.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Chart warm-up")
                .status(state != ChartWarmUp.State.RUNNING)
                .withData("state", state.name().toLowerCase(java.util.Locale.ROOT));
        if (state == ChartWarmUp.State.DONE) {
            response.withData("millis", warmUp.millis());
            response.withData("read", warmUp.readWarmedUp() ? "done" : "skipped: no database yet");
        }
        return response.build();
    }
}
