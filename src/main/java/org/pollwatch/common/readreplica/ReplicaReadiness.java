package org.pollwatch.common.readreplica;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The read replica's state in readiness. It stays UP when the replica lags or is gone: reads then go
 * to the primary, and turning every instance unready because of one shared standby would take the
 * whole service out.
 */
@Readiness
@ApplicationScoped
public class ReplicaReadiness implements HealthCheck {

    private final ReplicaMonitor monitor;

    public ReplicaReadiness(ReplicaMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Read replica").up().withData("configured", monitor.configured());
        if (!monitor.configured()) {
            return response.withData("readsFrom", ReadSource.PRIMARY.tenant()).build();
        }
        ReplicaState state = monitor.state();
        response.withData("readsFrom", (monitor.usable() ? ReadSource.REPLICA : ReadSource.PRIMARY).tenant())
                .withData("reachable", state.reachable())
                .withData("standby", state.standby())
                .withData("replayedLsn", state.replayed().toString())
                .withData("lagBytes", state.lagBytes())
                .withData("lagSeconds", String.format(java.util.Locale.ROOT, "%.3f", state.lagSeconds()))
                .withData("checkedAt", state.checkedAt().toString());
        if (state.error() != null) {
            response.withData("error", state.error());
        }
        return response.build();
    }
}
