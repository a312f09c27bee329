package org.pollwatch.common;

/**
 * Fired (CDI event) by every write that changes what reads are derived from: polls submitted,
 * revised, retracted or imported, series created or their membership changed. {@link ReadCache}
 * observes it once the transaction has committed; nothing else needs to.
 *
 * @param reason what changed, for logs
 */
public record DataChanged(String reason) {}
