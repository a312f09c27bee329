package org.pollwatch.common;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Runs {@link ReadOnlyTransaction} methods. In a transaction of their own, entities load without
 * dirty-checking snapshots and nothing is flushed, neither before each query nor at commit: otherwise
 * Hibernate walks every loaded poll, question, option and subgroup through the cascades on each of
 * those flushes (28 % of the CPU of GET /polls under load, see bench/RESULTS.md). Called inside a
 * transaction that may write, the method joins it unchanged.
 */
@ReadOnlyTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class ReadOnlyTransactionInterceptor {

    @Inject
    TransactionManager transactions;

    @AroundInvoke
    Object readOnly(InvocationContext invocation) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return invocation.proceed();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Session session = Panache.getEntityManager().unwrap(Session.class);
                session.setDefaultReadOnly(true);
                session.setHibernateFlushMode(FlushMode.MANUAL);
                return invocation.proceed();
            });
        } catch (io.quarkus.narayana.jta.QuarkusTransactionException e) {
            // checked exceptions of the method come back wrapped; unchecked ones as they were thrown
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
