package org.pollwatch.problems;

import java.util.List;

/** A client error the service detected itself; rendered as problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(Problem.listed(errors));
    }

    public static ProblemException badRequest(String title, List<FieldError> errors) {
        String detail = Problem.detailOf(errors);
        return new ProblemException(400, title, detail, errors);
    }

    public static ProblemException invalidField(String field, String message) {
        return badRequest("Invalid request", List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
