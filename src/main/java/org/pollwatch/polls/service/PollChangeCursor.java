package org.pollwatch.polls.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.pollwatch.problems.ProblemException;

/**
 * Where a client mirroring the polls stopped: the last change it was given, as the writing
 * transaction's id and the poll's id (V13__poll_search_and_changes.sql). Opaque to clients.
 *
 * @param transaction {@code change_xid} of the last poll given (64-bit, never reused)
 * @param pollId the last poll's id, which orders polls written by the same transaction
 */
public record PollChangeCursor(long transaction, long pollId) {

    /** Before every change. */
    public static final PollChangeCursor START = new PollChangeCursor(0, 0);

    private static final String PREFIX = "c1.";

    public String encode() {
        String plain = PREFIX + transaction + "." + pollId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent back; 400 naming {@code cursor} when it is not one this service gave. */
    public static PollChangeCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII);
            if (plain.startsWith(PREFIX)) {
                String[] parts = plain.substring(PREFIX.length()).split("\\.", -1);
                if (parts.length == 2) {
                    long transaction = Long.parseLong(parts[0]);
                    long pollId = Long.parseLong(parts[1]);
                    if (transaction >= 0 && pollId >= 0) {
                        return new PollChangeCursor(transaction, pollId);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not numbers: the same answer as any other foreign value
        }
        throw ProblemException.invalidField("cursor", "must be a nextCursor value given by GET /polls");
    }
}
