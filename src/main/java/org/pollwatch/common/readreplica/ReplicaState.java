package org.pollwatch.common.readreplica;

import java.time.Instant;

/**
 * What the last probe saw of the read datasource.
 *
 * @param reachable the standby answered
 * @param standby it is in recovery (a streaming standby), not a primary
 * @param replayed how far it has replayed the primary's WAL (its own write position when not a standby)
 * @param lagBytes WAL bytes written on the primary and not yet replayed
 * @param lagSeconds age of the newest replayed transaction when WAL is still pending, else 0
 * @param checkedAt when the probe ran
 * @param error why the probe failed, else {@code null}
 */
public record ReplicaState(
        boolean reachable,
        boolean standby,
        Lsn replayed,
        long lagBytes,
        double lagSeconds,
        Instant checkedAt,
        String error) {

    static ReplicaState notChecked() {
        return new ReplicaState(false, false, new Lsn(0), 0, 0, Instant.EPOCH, "not checked yet");
    }

    static ReplicaState unreachable(String error) {
        return new ReplicaState(false, false, new Lsn(0), 0, 0, Instant.now(), error);
    }
}
