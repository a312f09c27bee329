package org.pollwatch.common;

import java.net.URI;

/** Comparing where URLs point: the same host and port, by the scheme's default port when none is given. */
public final class Origins {

    private Origins() {}

    /** Whether both URIs name one host (case-insensitively) and one port. */
    public static boolean sameHostAndPort(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    /** The URI's port, or its scheme's default (443 for https, else 80). */
    public static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
