package org.pollwatch.stats.trend;

/**
 * Sliding window over a sorted series, so that each day costs O(polls in the window) and a whole
 * series O(days x window) with a small constant instead of O(days x polls).
 *
 * <p>Realtime (series sorted by availability): the window of day t is the polls with
 * availability &lt;= t and field date in [t - back, t]. Because a poll is never available before
 * its field date, they all lie in the index range of availability in [t - back, t]; callers skip
 * the few in that range whose date is older ({@link #inWindow}).
 *
 * <p>Hindsight (series sorted by field date): field date in [t - back, t + ahead].
 */
final class WindowCursor {

    private final PreparedPolls.Series s;
    private final boolean realtime;
    private final int back;
    private final int ahead;
    int lo;
    int hi; // exclusive
    private int day;

    WindowCursor(PreparedPolls.Series s, boolean realtime, int back, int ahead) {
        this.s = s;
        this.realtime = realtime;
        this.back = back;
        this.ahead = realtime ? 0 : ahead;
    }

    /** Moves to day t (days must not decrease). */
    void moveTo(int t) {
        day = t;
        int[] key = realtime ? s.avail() : s.date();
        int n = key.length;
        while (hi < n && key[hi] <= t + ahead) hi++;
        while (lo < hi && key[lo] < t - back) lo++;
    }

    /** Field date in the window and, realtime, the version still valid on the day. */
    boolean inWindow(int i) {
        int d = s.date()[i];
        return d >= day - back && d <= day + ahead && (!realtime || s.until()[i] > day);
    }
}
