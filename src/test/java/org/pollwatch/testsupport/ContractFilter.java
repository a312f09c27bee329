package org.pollwatch.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks every answer a test receives against the API document the service serves: the operation must
 * list the status, the media type must be one the status lists, and a JSON body must match that
 * media type's schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1). A drift between the
 * responses and the document fails the test that saw it. Requests outside the document (pages,
 * static files, /q/ endpoints, methods an operation does not have) are not checked.
 */
public final class ContractFilter implements Filter {

    public static final ContractFilter INSTANCE = new ContractFilter();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Map<String, Document> documents = new ConcurrentHashMap<>();

    private ContractFilter() {}

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getPath().startsWith("/q/")
                || "HEAD".equals(request.getMethod())
                || "OPTIONS".equals(request.getMethod())) {
            return response;
        }
        Document document = documents.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), Document::load);
        List<String> violations = document.check(request.getMethod(), uri.getRawPath(), response);
        if (!violations.isEmpty()) {
            throw new AssertionError("Response to " + request.getMethod() + " " + uri.getRawPath()
                    + " breaks the API document: " + String.join("; ", violations));
        }
        return response;
    }

    /** What the document says is wrong with this answer; empty if nothing. */
    static List<String> violations(String document, String method, String path, Response response) {
        try {
            return new Document(JSON.readTree(document)).check(method, path, response);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The served document with its path templates as patterns. */
    private static final class Document {

        private final JsonNode root;
        private final List<Map.Entry<Pattern, String>> templates = new ArrayList<>();
        private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

        private Document(JsonNode root) {
            this.root = root;
            List<String> literalsFirst = new ArrayList<>();
            root.get("paths").fieldNames().forEachRemaining(literalsFirst::add);
            // /series/{key}/trend.csv before /series/{key}/trend.{format}, /things/{id}.csv before /things/{id}
            literalsFirst.sort(java.util.Comparator.comparingLong(
                            (String t) -> t.chars().filter(c -> c == '{').count())
                    .thenComparing(t -> -t.replaceAll("\\{[^}]+}", "").length()));
            for (String template : literalsFirst) {
                String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                templates.add(Map.entry(Pattern.compile(regex), template));
            }
        }

        static Document load(String base) {
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                return new Document(JSON.readTree(answer.body()));
            } catch (IOException e) {
                throw new IllegalStateException("API document not readable from " + base, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        List<String> check(String method, String path, Response response) {
            String template = templates.stream()
                    .filter(entry -> entry.getKey().matcher(path).matches())
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (template == null) {
                return List.of();
            }
            JsonNode operation = root.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
            if (operation == null) {
                return List.of();
            }
            String status = String.valueOf(response.statusCode());
            JsonNode responses = operation.get("responses");
            JsonNode documented = responses.has(status) ? responses.get(status) : responses.get("default");
            if (documented == null) {
                return List.of("status " + status + " is not documented for " + method + " " + template
                        + " (documented: " + String.join(", ", iterable(responses.fieldNames())) + ")");
            }
            if (documented.has("$ref")) {
                documented = resolve(documented.get("$ref").asText());
            }
            String body = response.asString();
            if (body.isEmpty()) {
                return List.of();
            }
            String contentType = response.contentType() == null
                    ? ""
                    : response.contentType().split(";")[0].trim();
            JsonNode content = documented.get("content");
            String listed = content == null ? null : mediaTypeKey(content, contentType);
            if (listed == null) {
                return List.of("status " + status + " of " + method + " " + template + " answered " + contentType
                        + ", documented: "
                        + (content == null ? "no body" : String.join(", ", iterable(content.fieldNames()))));
            }
            JsonNode schema = content.get(listed).get("schema");
            if (schema == null || !(contentType.equals("application/json") || contentType.endsWith("+json"))) {
                return List.of();
            }
            Schema validator =
                    compiled.computeIfAbsent(method + " " + template + " " + status + " " + contentType, key -> {
                        ObjectNode wrapper = JSON.createObjectNode();
                        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                        wrapper.set("components", root.get("components"));
                        wrapper.putArray("allOf").add(schema);
                        return SCHEMAS.getSchema(wrapper.toString(), InputFormat.JSON);
                    });
            List<Error> errors = validator.validate(body, InputFormat.JSON);
            return errors.stream()
                    .limit(5)
                    .map(error ->
                            status + " " + contentType + " " + error.getInstanceLocation() + ": " + error.getMessage())
                    .toList();
        }

        /** The key of the content map naming this media type, parameters such as charset aside. */
        private static String mediaTypeKey(JsonNode content, String contentType) {
            for (String key : iterable(content.fieldNames())) {
                if (key.split(";")[0].trim().equalsIgnoreCase(contentType)) {
                    return key;
                }
            }
            return null;
        }

        private JsonNode resolve(String ref) {
            JsonNode node = root;
            for (String part : ref.substring(2).split("/")) {
                node = node.get(part);
            }
            return node;
        }

        private static Iterable<String> iterable(Iterator<String> names) {
            return () -> names;
        }
    }
}
