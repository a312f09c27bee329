package org.pollwatch.stats.trend;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One poll result as the trend engine sees it.
 *
 * @param pollId        caller's id, returned in {@link TrendResult#contributingPollIds()}
 * @param pollster      pollster name (compared case-insensitively, trimmed) for house effects,
 *                      flooding limits and duplicate detection
 * @param fieldStart    first fieldwork day
 * @param fieldEnd      last fieldwork day (not before {@code fieldStart})
 * @param availableFrom first day the result was public (publication date), or {@code fieldEnd}
 *                      when unknown; {@code null} means {@code fieldEnd}
 * @param sampleSize    number of respondents, {@code null} if unknown
 * @param population    "lv", "rv", "v", "a" or any other label, see {@link PopulationPreference}
 * @param tracking      whether the poll is a (rolling) tracking poll
 * @param shares        choice → percent in [0,100]; a choice may be missing
 * @param validUntil    first day on which this version no longer holds (it was revised or retracted that
 *                      day), or {@code null} while it is current. In REALTIME mode a version counts on the
 *                      days {@code [availableFrom, validUntil)}; HINDSIGHT uses current versions only.
 */
public record PollObservation(
        String pollId,
        String pollster,
        LocalDate fieldStart,
        LocalDate fieldEnd,
        LocalDate availableFrom,
        Double sampleSize,
        String population,
        boolean tracking,
        Map<String, Double> shares,
        LocalDate validUntil) {

    public PollObservation {
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(pollster, "pollster");
        Objects.requireNonNull(fieldStart, "fieldStart");
        Objects.requireNonNull(fieldEnd, "fieldEnd");
        if (fieldStart.isAfter(fieldEnd)) {
            throw new IllegalArgumentException("fieldStart after fieldEnd for poll " + pollId);
        }
        if (availableFrom == null) availableFrom = fieldEnd;
        if (sampleSize != null && !(sampleSize > 0)) {
            throw new IllegalArgumentException("sampleSize must be positive for poll " + pollId);
        }
        shares = Map.copyOf(Objects.requireNonNull(shares, "shares"));
        for (var e : shares.entrySet()) {
            double v = e.getValue();
            if (!(v >= 0 && v <= 100)) {
                throw new IllegalArgumentException("share of " + e.getKey() + " out of [0,100] for poll " + pollId);
            }
        }
    }
}
