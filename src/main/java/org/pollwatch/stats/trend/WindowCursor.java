package org.pollwatch.stats.trend;

/**
 * Sliding window over a sorted series, so that each day costs O(polls in the window) and a whole
 * series O(days x window) with a small constant instead of O(days x polls).
 *
 * <p>Realtime (series sorted by availability): the window of day t is the polls with
 * availability &lt;= t and field date in [t - back, t]. Because a poll is never available before
 * its field date, they all lie in the index range of availability in [t - back, t]; {@link #collect}
 * skips the few in that range whose date is older.
 *
 * <p>Hindsight (series sorted by field date): field date in [t - back, t + ahead].
 */
final class WindowCursor {

    private final PreparedPolls.Series s;
    private final boolean realtime;
    private final int back;
    private final int ahead;
    private int lo;
    private int hi; // exclusive
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

    /**
     * Writes the indexes of the polls in the window of the current day to {@code into} (at least the
     * series' size long), in series order, and returns how many there are: the smoothers visit them
     * several times a day, and testing {@link #inWindow} once is cheaper than on every visit.
     */
    int collect(int[] into) {
        int m = 0;
        for (int i = lo; i < hi; i++) if (inWindow(i)) into[m++] = i;
        return m;
    }

    /** Field date in the window and, realtime, the version still valid on the day. */
    private boolean inWindow(int i) {
        int d = s.date()[i];
        return d >= day - back && d <= day + ahead && (!realtime || s.until()[i] > day);
    }
}
