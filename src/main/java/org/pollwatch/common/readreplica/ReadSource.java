package org.pollwatch.common.readreplica;

import java.util.Locale;

/** The database a request reads from; also the Hibernate tenant of its sessions. */
public enum ReadSource {
    PRIMARY,
    REPLICA;

    public String tenant() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReadSource ofTenant(String tenant) {
        return valueOf(tenant.toUpperCase(Locale.ROOT));
    }
}
