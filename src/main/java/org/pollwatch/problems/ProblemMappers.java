package org.pollwatch.problems;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem: validation and body errors name the offending
 * fields, unexpected failures become a 500 without internals (logged here instead).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The challenge of a 401 (API keys are bearer tokens). */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"pollwatch\"";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String detail = Problem.detailOf(errors);
        return respond(new Problem("about:blank", "Invalid request", 400, detail, path(uri), Problem.listed(errors)));
    }

    /** Overrides the built-in mapper for this type, which answers with plain JSON. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException || e instanceof StreamConstraintsException) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            return respond(new Problem(
                    "about:blank",
                    "Malformed JSON",
                    400,
                    "The request body is not valid JSON: " + e.getOriginalMessage() + where,
                    path(uri),
                    List.of(new FieldError("(body)", e.getOriginalMessage() + where))));
        }
        String field = e instanceof JsonMappingException m ? jsonPath(m.getPath()) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot read '" + f.getValue() + "' as " + typeName(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "expected " + typeName(m.getTargetType());
        } else {
            message = e.getOriginalMessage();
        }
        List<FieldError> errors = List.of(new FieldError(field.isEmpty() ? "(body)" : field, message));
        return respond(new Problem(
                "about:blank", "Invalid request body", 400, errors.get(0).field() + ": " + message, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, Request request) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            Response database = DatabaseFailures.problem(e, path(uri), request == null ? "GET" : request.getMethod());
            if (database != null) {
                return database;
            }
            LOG.error("Request failed", e);
        }
        return respond(new Problem(
                "about:blank", status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), path(uri), List.of()));
    }

    /** No key, or a key that is not valid, revoked or expired: 401 with the Bearer challenge. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        String detail = e instanceof AuthenticationFailedException && e.getMessage() != null
                ? e.getMessage() + "; send a valid key as Authorization: Bearer <key>"
                : "This operation needs an API key: send Authorization: Bearer <key>";
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", BEARER_CHALLENGE)
                .entity(new Problem("about:blank", "Unauthorized", 401, detail, path(uri), List.of()))
                .build();
    }

    /** A key whose role does not allow the operation. */
    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(
                "about:blank",
                "Forbidden",
                403,
                "This API key's role does not allow this operation",
                path(uri),
                List.of()));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
        return respond(new Problem(
                "about:blank",
                "Conflict",
                409,
                "The resource was changed by another request; read it again and retry",
                path(uri),
                List.of()));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers, Request request) {
        Response database = DatabaseFailures.problem(e, path(uri), request == null ? "GET" : request.getMethod());
        if (database != null) {
            return database;
        }
        LOG.error("Unexpected failure on " + path(uri), e);
        return respond(new Problem(
                "about:blank",
                "Internal Server Error",
                500,
                "The server failed to process the request",
                path(uri),
                List.of()));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** Drops the method and parameter nodes of a method-validation path: create.arg0.questions[0].wording -> questions[0].wording. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        String parameterName = null;
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameterName = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT
                    && node.getName() != null
                    && node.getName().startsWith("<")) {
                appendIndex(field, node);
                continue;
            }
            appendIndex(field, node);
            if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.isEmpty()) {
            return parameterName == null ? "(request)" : parameterName;
        }
        return field.toString();
    }

    private static void appendIndex(StringBuilder field, Path.Node node) {
        if (node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
            field.append('[').append(node.getKey()).append(']');
        }
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(constant.toString().toLowerCase(java.util.Locale.ROOT));
            }
            return "one of " + names;
        }
        if (type == java.time.LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }
}
