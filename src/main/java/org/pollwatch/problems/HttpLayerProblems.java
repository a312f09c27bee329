package org.pollwatch.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Checks made before any resource runs, answered as problems instead of the HTTP layer's empty
 * bodies: a request line longer than {@link #MAX_URI_LENGTH} (414), headers larger than
 * {@link #MAX_HEADER_BYTES} (431), and a path or query that is not valid percent-encoded UTF-8
 * (400). The HTTP server's own limits sit above these ({@code quarkus.http.limits.*}), so that
 * only requests far beyond them get a bare answer from it.
 */
@ApplicationScoped
public class HttpLayerProblems {

    public static final int MAX_URI_LENGTH = 8_192;
    public static final int MAX_HEADER_BYTES = 16_384;

    private final ObjectMapper json;

    public HttpLayerProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String uri = request.uri();
        if (uri.length() > MAX_URI_LENGTH) {
            send(
                    context,
                    414,
                    "URI Too Long",
                    "The request line is longer than " + MAX_URI_LENGTH + " characters",
                    "(uri)");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            send(
                    context,
                    431,
                    "Request Header Fields Too Large",
                    "The request headers are larger than " + MAX_HEADER_BYTES + " bytes",
                    "(headers)");
            return;
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (!decodable(path, false)) {
            send(context, 400, "Bad Request", "The path is not valid percent-encoded UTF-8", "(path)");
            return;
        }
        if (query >= 0 && !decodable(uri.substring(query + 1), true)) {
            send(context, 400, "Bad Request", "The query string is not valid percent-encoded UTF-8", "(query)");
            return;
        }
        context.next();
    }

    /** True when every %XX escape is complete and the decoded bytes are UTF-8. */
    static boolean decodable(String text, boolean query) {
        if (text.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return false;
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (query && (c == '&' || c == '=' || c == '+')) {
                bytes.put((byte) ' ');
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Ends the request with a problem+json answer naming {@code field}. */
    public void send(RoutingContext context, int status, String title, String detail, String field) {
        String instance = context.request().path();
        Problem problem = new Problem(
                "about:blank",
                title,
                status,
                detail,
                instance != null && instance.length() <= 200 ? instance : null,
                List.of(new FieldError(field, detail)));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + title + "\",\"status\":" + status + "}";
        }
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(body);
    }
}
