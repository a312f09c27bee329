package org.pollwatch.polls;

/**
 * Fired (CDI event) when polls are submitted, revised, retracted or imported, or when series
 * membership changes: whatever is derived from polls (poll averages) must be recomputed.
 *
 * @param reason what changed, for logs
 */
public record PollsChanged(String reason) {}
