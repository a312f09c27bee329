package org.pollwatch.common.readreplica;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hibernate sessions are opened on the primary or on the read replica (two "tenants" of one schema),
 * as the request's {@link ReadRoute} says. Outside HTTP requests (start-up, scheduled work) it is the
 * primary.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ReadRouteTenants implements TenantResolver {

    @Override
    public String getDefaultTenantId() {
        return ReadSource.PRIMARY.tenant();
    }

    @Override
    public String resolveTenantId() {
        if (!Arc.container().requestContext().isActive()) {
            return getDefaultTenantId();
        }
        return Arc.container().instance(ReadRoute.class).get().source().tenant();
    }
}
