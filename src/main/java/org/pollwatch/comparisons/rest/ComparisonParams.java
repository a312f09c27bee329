package org.pollwatch.comparisons.rest;

import org.pollwatch.problems.ProblemException;
import org.pollwatch.stats.ConfidenceLevel;

/** Query parameters of the comparison endpoints, parsed so that a bad value is a 400 naming the parameter. */
final class ComparisonParams {

    static final String CONFIDENCE_LEVELS = "80, 90, 95 or 99";

    private ComparisonParams() {}

    static ConfidenceLevel confidence(String value) {
        if (value == null || value.isBlank()) {
            return ConfidenceLevel.DEFAULT;
        }
        try {
            return ConfidenceLevel.ofPercent(Integer.parseInt(value.trim()));
        } catch (IllegalArgumentException e) { // also NumberFormatException
            throw ProblemException.invalidField(
                    "confidence", "must be " + CONFIDENCE_LEVELS + " (percent), not '" + value + "'");
        }
    }

    static Long optionalId(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id <= 0) {
                throw ProblemException.invalidField(name, "must be a positive question id, not '" + value + "'");
            }
            return id;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a question id (a whole number), not '" + value + "'");
        }
    }

    static long requiredId(String name, String value) {
        Long id = optionalId(name, value);
        if (id == null) {
            throw ProblemException.invalidField(name, "is required: the id of the question in the later poll");
        }
        return id;
    }
}
