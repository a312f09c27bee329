package org.pollwatch.web;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.pollwatch.trends.rest.TrendParams;

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

    /** The embed code of a series' average with the trend parameters in {@code query}. */
    public String embedSeries(String key, String query, String title) {
        return Embeds.code(base, "/embed/series/" + key + query, title, Embeds.DEFAULT_HEIGHT);
    }

    /** The embed code of a poll question's results. */
    public String embedQuestion(long pollId, long questionId, String title) {
        return Embeds.code(base, "/embed/polls/" + pollId + "/questions/" + questionId, title, Embeds.DEFAULT_HEIGHT);
    }

    /** The oEmbed discovery URL of a series page with the trend parameters in {@code query}. */
    public String oembedSeries(String key, String query) {
        return oembed("/dashboard/series/" + key + query);
    }

    /** The oEmbed discovery URL of a poll page. */
    public String oembedPoll(long pollId) {
        return oembed("/dashboard/polls/" + pollId);
    }

    private String oembed(String path) {
        return "/oembed" + query("url", base + path, "format", "json");
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

    /** The query string of the trend parameters given (so pages, charts and embeds show the same trend). */
    public static String trendQuery(TrendParams params) {
        return query(
                "from", params.from,
                "to", params.to,
                "population", params.population == null ? null : String.join(",", params.population),
                "exclude-pollster", params.excludePollster == null ? null : String.join(",", params.excludePollster),
                "min-disclosure", params.minDisclosure,
                "method", params.method,
                "mode", params.mode,
                "as-of", params.asOf,
                "confidence", params.confidence,
                "adjust-house-effects", params.adjustHouseEffects);
    }

    /** The query string with one more pair, for links that add a parameter. */
    public static String and(String query, String name, String value) {
        String pair = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return query.isEmpty() ? "?" + pair : query + "&" + pair;
    }
}
