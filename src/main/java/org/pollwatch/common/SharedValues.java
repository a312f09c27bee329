package org.pollwatch.common;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance kept of each equal value read while building a large result: dates, pollster names
 * and choice keys repeat across thousands of rows, and a cached result should hold each once.
 */
public final class SharedValues {

    private final Map<Object, Object> instances = new HashMap<>();

    /** The instance kept of a value equal to {@code value} (this one, the first time; null stays null). */
    @SuppressWarnings("unchecked")
    public <T> T of(T value) {
        return value == null ? null : (T) instances.computeIfAbsent(value, v -> v);
    }
}
