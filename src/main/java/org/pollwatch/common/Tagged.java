package org.pollwatch.common;

/** A value with the fingerprint of the data it was built from, for an ETag. */
public record Tagged<T>(T value, String fingerprint) {}
