package org.pollwatch.common.readreplica;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Watches the read replica (a PostgreSQL streaming standby) and decides, per request, whether it may
 * serve the request's reads. A probe compares the primary's WAL position with the standby's replay
 * position every second; a GET that names a commit LSN it must see is served by the standby only once
 * the standby has replayed that far, else (after a bounded wait) by the primary.
 */
@ApplicationScoped
public class ReplicaMonitor {

    private static final Logger LOG = Logger.getLogger(ReplicaMonitor.class);

    /** Position of the standby, or of the server itself when it is not a standby. */
    private static final String REPLAY_POSITION = "select pg_is_in_recovery(),"
            + " case when pg_is_in_recovery() then pg_last_wal_replay_lsn() else pg_current_wal_lsn() end::text,"
            + " extract(epoch from now() - pg_last_xact_replay_timestamp())";

    private static final long POLL_STEP_MILLIS = 5;

    /** Why a read went where it went: the label of {@code pollwatch_read_routing_total}. */
    enum Reason {
        NO_REPLICA,
        REPLICA,
        REPLICA_CAUGHT_UP,
        REPLICA_LAGGING,
        REPLICA_UNREACHABLE,
        MIN_LSN_NOT_REPLAYED
    }

    private final ReadReplicaConfig config;
    private final AgroalDataSource primary;
    /** Inactive (no URL) when no replica is configured: touched only when one is. */
    private final Instance<AgroalDataSource> replica;

    private final Map<Reason, Counter> routed = new EnumMap<>(Reason.class);
    private volatile ReplicaState state = ReplicaState.notChecked();

    public ReplicaMonitor(
            ReadReplicaConfig config,
            AgroalDataSource primary,
            @io.quarkus.agroal.DataSource("read") Instance<AgroalDataSource> replica,
            MeterRegistry metrics) {
        this.config = config;
        this.primary = primary;
        this.replica = replica;
        Gauge.builder("pollwatch.replica.lag.bytes", this, m -> m.state.lagBytes())
                .description("WAL bytes the read replica has not replayed yet (0 without a replica)")
                .baseUnit("bytes")
                .register(metrics);
        Gauge.builder("pollwatch.replica.lag.seconds", this, m -> m.state.lagSeconds())
                .description("Age of the read replica's newest replayed transaction while WAL is pending")
                .register(metrics);
        Gauge.builder("pollwatch.replica.usable", this, m -> m.usable() ? 1 : 0)
                .description("1 when reads go to the read replica, 0 when they go to the primary")
                .register(metrics);
        for (Reason reason : Reason.values()) {
            routed.put(
                    reason,
                    Counter.builder("pollwatch.read.routing")
                            .description("GET and HEAD requests by the database that served their reads")
                            .tag("source", source(reason).tenant())
                            .tag("reason", reason.name().toLowerCase())
                            .register(metrics));
        }
    }

    public boolean configured() {
        return config.url().isPresent();
    }

    public ReplicaState state() {
        return state;
    }

    /** The replica answers and is no further behind than {@code pollwatch.read-replica.max-lag}. */
    public boolean usable() {
        ReplicaState current = state;
        return configured()
                && current.reachable()
                && current.lagSeconds() <= config.maxLag().toMillis() / 1000.0;
    }

    @Scheduled(
            every = "${pollwatch.read-replica.probe-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        if (!configured()) {
            return;
        }
        Lsn primaryPosition;
        try {
            primaryPosition = primaryPosition("pg_current_wal_lsn()");
        } catch (SQLException e) {
            // the primary's own health check reports this; keep the last view of the replica
            return;
        }
        try (Connection connection = replica.get().getConnection();
                PreparedStatement select = connection.prepareStatement(REPLAY_POSITION);
                ResultSet row = select.executeQuery()) {
            row.next();
            boolean standby = row.getBoolean(1);
            Lsn replayed = Lsn.parseOrNull(row.getString(2));
            if (replayed == null) {
                replayed = new Lsn(0);
            }
            long lagBytes = primaryPosition.bytesAfter(replayed);
            double age = row.getDouble(3);
            double lagSeconds = lagBytes == 0 || row.wasNull() ? 0 : Math.max(0, age);
            ReplicaState previous = state;
            state = new ReplicaState(true, standby, replayed, lagBytes, lagSeconds, Instant.now(), null);
            if (!previous.reachable()) {
                LOG.infof("Read replica reachable (standby: %s, lag %d bytes)", standby, lagBytes);
            }
        } catch (SQLException e) {
            if (state.reachable()) {
                LOG.warnf("Read replica unreachable, reads go to the primary: %s", e.getMessage());
            }
            state = ReplicaState.unreachable(e.getMessage());
        }
    }

    /**
     * Where a GET's reads go. With {@code minLsn} (a commit position the client saw) the replica serves
     * only once it has replayed that far, waiting at most {@code pollwatch.read-replica.max-wait}.
     */
    ReadSource route(Lsn minLsn) {
        Reason reason = reason(minLsn);
        routed.get(reason).increment();
        return source(reason);
    }

    private Reason reason(Lsn minLsn) {
        if (!configured()) {
            return Reason.NO_REPLICA;
        }
        ReplicaState current = state;
        if (!current.reachable()) {
            return Reason.REPLICA_UNREACHABLE;
        }
        if (!usable()) {
            return Reason.REPLICA_LAGGING;
        }
        if (minLsn == null) {
            return Reason.REPLICA;
        }
        if (current.replayed().isAtLeast(minLsn)) {
            return Reason.REPLICA_CAUGHT_UP;
        }
        // asked when the request's first transaction opens its session: this look-up must not join it
        boolean caughtUp = QuarkusTransaction.suspendingExisting().call(() -> replayedWithin(minLsn));
        return caughtUp ? Reason.REPLICA_CAUGHT_UP : Reason.MIN_LSN_NOT_REPLAYED;
    }

    private boolean replayedWithin(Lsn minLsn) {
        long deadline = System.nanoTime() + config.maxWait().toNanos();
        try (Connection connection = replica.get().getConnection();
                PreparedStatement select = connection.prepareStatement(REPLAY_POSITION)) {
            while (true) {
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    Lsn replayed = Lsn.parseOrNull(row.getString(2));
                    if (replayed != null && replayed.isAtLeast(minLsn)) {
                        return true;
                    }
                }
                if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_STEP_MILLIS) > deadline) {
                    return false;
                }
                Thread.sleep(POLL_STEP_MILLIS);
            }
        } catch (SQLException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The primary's WAL position now: after a commit, at or past that commit's record. */
    public Lsn commitPosition() throws SQLException {
        return primaryPosition("pg_current_wal_insert_lsn()");
    }

    private Lsn primaryPosition(String function) throws SQLException {
        try (Connection connection = primary.getConnection();
                PreparedStatement select = connection.prepareStatement("select " + function + "::text");
                ResultSet row = select.executeQuery()) {
            row.next();
            return Lsn.parseOrNull(row.getString(1));
        }
    }

    private static ReadSource source(Reason reason) {
        return reason == Reason.REPLICA || reason == Reason.REPLICA_CAUGHT_UP ? ReadSource.REPLICA : ReadSource.PRIMARY;
    }
}
