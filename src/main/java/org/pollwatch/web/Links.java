package org.pollwatch.web;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a page comes from: the JSON behind it and its operation in Swagger UI (deep link
 * {@code #/Tag/operationId}); {@code base} is the absolute URL of the service, for embed snippets.
 */
public record Links(String json, String swagger, String base) {

    public Links(String json, String operation, UriInfo uri) {
        this(json, "/q/swagger-ui/#/" + operation, base(uri));
    }

    static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** "?a=1&b=2" of the non-blank pairs, URL-encoded; "" when none. */
    public static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            String value = pairs[i + 1];
            if (value == null || value.isBlank()) {
                continue;
            }
            query.append(query.length() == 0 ? '?' : '&')
                    .append(pairs[i])
                    .append('=')
                    .append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /** The query string with one more pair, for links that add a parameter. */
    public static String and(String query, String name, String value) {
        String pair = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return query.isEmpty() ? "?" + pair : query + "&" + pair;
    }
}
