package org.pollwatch.common;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.pollwatch.problems.ProblemException;

/**
 * Rejects query and path parameters holding NUL or other control characters before any resource
 * sees them: a 400 naming the parameter, never PostgreSQL's "invalid byte sequence" as a 500.
 */
public class RequestTextCheck {

    /** Characters of one query or path parameter value. */
    static final int MAX_PARAMETER_LENGTH = 2_000;

    @ServerRequestFilter
    public void check(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            int badInName = InputLimits.invalidCharacter(name);
            if (badInName >= 0) {
                throw ProblemException.invalidField(
                        "(query)", "a parameter name " + InputLimits.invalidCharacterMessage(badInName));
            }
            for (String value : parameter.getValue()) {
                if (value == null) {
                    continue;
                }
                int bad = InputLimits.invalidCharacter(value);
                if (bad >= 0) {
                    throw ProblemException.invalidField(name, InputLimits.invalidCharacterMessage(bad));
                }
                if (value.length() > MAX_PARAMETER_LENGTH) {
                    throw ProblemException.invalidField(
                            name, "must be at most " + MAX_PARAMETER_LENGTH + " characters long");
                }
            }
        }
    }
}
