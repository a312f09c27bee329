package org.pollwatch.common.readreplica;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.pollwatch.problems.ProblemException;

/**
 * Read-your-writes across a read replica. Every successful write answers with
 * {@value #COMMIT_LSN}, the primary's WAL position after its commit; a GET that sends it back as
 * {@value #MIN_LSN} is never served from a replica that has not replayed that far. GET and HEAD
 * answers say in {@value #READ_SOURCE} which database served them.
 */
public class ReadRouteFilters {

    public static final String COMMIT_LSN = "Pollwatch-Commit-LSN";
    public static final String MIN_LSN = "Pollwatch-Min-LSN";
    public static final String READ_SOURCE = "Pollwatch-Read-Source";

    private static final Logger LOG = Logger.getLogger(ReadRouteFilters.class);

    private final ReadRoute route;
    private final ReplicaMonitor monitor;

    public ReadRouteFilters(ReadRoute route, ReplicaMonitor monitor) {
        this.route = route;
        this.monitor = monitor;
    }

    @ServerRequestFilter
    public void routeReads(ContainerRequestContext request) {
        if (!isRead(request.getMethod())) {
            return;
        }
        String header = request.getHeaderString(MIN_LSN);
        Lsn minLsn = null;
        if (header != null && !header.isBlank()) {
            minLsn = Lsn.parseOrNull(header);
            if (minLsn == null) {
                throw ProblemException.invalidField(
                        MIN_LSN, "must be a PostgreSQL LSN such as 16/B374D848, as sent in " + COMMIT_LSN);
            }
        }
        route.readOnly(minLsn);
    }

    @ServerResponseFilter
    public void tellPositions(ContainerRequestContext request, ContainerResponseContext response) {
        if (isRead(request.getMethod())) {
            ReadSource chosen = route.chosen();
            if (chosen != null) {
                response.getHeaders().putSingle(READ_SOURCE, chosen.tenant());
            }
            return;
        }
        if (HttpMethod.OPTIONS.equals(request.getMethod()) || response.getStatus() >= 400) {
            return;
        }
        try {
            response.getHeaders().putSingle(COMMIT_LSN, monitor.commitPosition().toString());
        } catch (SQLException e) {
            LOG.warnf("Cannot read the primary's WAL position after a write: %s", e.getMessage());
        }
    }

    private static boolean isRead(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}
