package org.pollwatch.common.readreplica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/** Connections of the "primary" tenant come from the default datasource, the "replica" one's from "read". */
@PersistenceUnitExtension
@ApplicationScoped
public class ReadRouteConnections implements TenantConnectionResolver {

    private final AgroalDataSource primary;
    /** Inactive (no URL) when no replica is configured: touched only when one is. */
    private final Instance<AgroalDataSource> replica;

    public ReadRouteConnections(
            AgroalDataSource primary, @io.quarkus.agroal.DataSource("read") Instance<AgroalDataSource> replica) {
        this.primary = primary;
        this.replica = replica;
    }

    @Override
    public ConnectionProvider resolve(String tenantId) {
        return new QuarkusConnectionProvider(
                ReadSource.ofTenant(tenantId) == ReadSource.REPLICA ? replica.get() : primary);
    }
}
