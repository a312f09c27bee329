package org.pollwatch.common.access;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/**
 * Every request gets an id, answered in {@value #HEADER} and recorded with each write in the audit
 * log: the client's own {@value #HEADER} when it is 1 to 100 visible ASCII characters, else a new UUID.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = RequestIds.class.getName();

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null
                        && !given.isEmpty()
                        && given.length() <= 100
                        && given.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                ? given
                : UUID.randomUUID().toString();
        context.put(KEY, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }

    /** The id of the request being served by this routing context. */
    public static String of(RoutingContext context) {
        return context == null ? null : context.get(KEY);
    }
}
