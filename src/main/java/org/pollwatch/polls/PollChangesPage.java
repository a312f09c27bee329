package org.pollwatch.polls;

import java.util.List;

/**
 * One page of changed polls for a client that keeps a copy: GET /polls with {@code updatedSince}
 * or {@code cursor}. Same fields as a search page, plus the cursor to continue from.
 *
 * @param total changes from this page on, this page included
 * @param nextCursor where the next request continues; kept by the client to ask again later
 */
public record PollChangesPage(
        List<PollSummary> items, int page, int size, long total, int totalPages, String nextCursor) {}
