package org.pollwatch.common;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * For transactions that only read: entities load without dirty-checking snapshots and nothing is
 * flushed, neither before each query nor at commit. Otherwise Hibernate walks every loaded poll,
 * question, option and subgroup through the cascades on each of those flushes (28 % of the CPU of
 * GET /polls under load, see bench/RESULTS.md).
 */
public final class ReadOnlySession {

    private ReadOnlySession() {}

    /** Applies to the current transaction's session; call first thing in a read-only transaction. */
    public static void apply() {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }
}
