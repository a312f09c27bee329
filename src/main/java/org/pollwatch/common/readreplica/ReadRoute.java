package org.pollwatch.common.readreplica;

import jakarta.enterprise.context.RequestScoped;

/**
 * The database this request reads from. Only GET and HEAD requests may use the replica; the choice is
 * made when the request first touches the database, and then holds for the whole request.
 */
@RequestScoped
public class ReadRoute {

    private final ReplicaMonitor monitor;
    private boolean readOnlyRequest;
    private Lsn minLsn;
    private ReadSource source;

    public ReadRoute(ReplicaMonitor monitor) {
        this.monitor = monitor;
    }

    /** Marks this request as one that only reads and that must see at least {@code minLsn} (may be null). */
    void readOnly(Lsn minLsn) {
        this.readOnlyRequest = true;
        this.minLsn = minLsn;
    }

    public ReadSource source() {
        if (source == null) {
            source = readOnlyRequest ? monitor.route(minLsn) : ReadSource.PRIMARY;
        }
        return source;
    }

    /** The source chosen, or {@code null} when the request has not read anything from the database. */
    ReadSource chosen() {
        return source;
    }
}
