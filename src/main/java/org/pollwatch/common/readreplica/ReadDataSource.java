package org.pollwatch.common.readreplica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import javax.sql.DataSource;

/**
 * The datasource plain JDBC reads of this request must use: the same database as its Hibernate
 * sessions (replica or primary, see {@link ReadRoute}), so a version or generation read next to the
 * data it keys comes from the same point in time. Outside HTTP requests, the primary.
 */
@ApplicationScoped
public class ReadDataSource {

    private final AgroalDataSource primary;
    private final Instance<AgroalDataSource> replica;

    public ReadDataSource(
            AgroalDataSource primary, @io.quarkus.agroal.DataSource("read") Instance<AgroalDataSource> replica) {
        this.primary = primary;
        this.replica = replica;
    }

    public DataSource current() {
        if (!Arc.container().requestContext().isActive()) {
            return primary;
        }
        return Arc.container().instance(ReadRoute.class).get().source() == ReadSource.REPLICA ? replica.get() : primary;
    }
}
