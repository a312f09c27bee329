package org.pollwatch.web.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The dots of a large series grouped into marks: one per choice and square cell of the plot. Cells
 * start at {@link #CELL} pixels and double until there are at most {@link #MAX_MARKS} marks, so a
 * chart of any number of polls stays light. A mark sits at the mean of its dots.
 *
 * <p>Works on primitive arrays and one sort of packed keys: no object per dot.
 */
public final class DotGroups {

    /** A series with more polls than this draws its dots grouped (a 640-pixel chart has a plot of 486). */
    public static final int SEPARATE_DOTS = 500;

    /** The side of the smallest cell, in pixels: a dot's diameter and a little. */
    public static final int CELL = 6;

    /** At most this many marks, whatever the number of polls. */
    public static final int MAX_MARKS = 1000;

    /** The rule, as the chart's alt text and the page state it. */
    public static final String RULE = "Above " + SEPARATE_DOTS + " polls the dots are grouped: one mark per choice"
            + " and cell of the plot (" + CELL + " by " + CELL + " pixels, larger if needed to keep to "
            + String.format(Locale.ROOT, "%,d", MAX_MARKS) + " marks), at the mean of its polls,"
            + " larger and darker the more polls it holds.";

    /** One mark: its choice (an index), position (mean of its dots), count, and the ranges of its dots. */
    public record Group(
            int choice, double x, double y, int count, double minX, double maxX, double minY, double maxY) {}

    private static final int INDEX_BITS = 24;
    private static final int AXIS_BITS = 16;

    private DotGroups() {}

    /** Whether a series of {@code polls} polls has its dots grouped. */
    public static boolean grouped(int polls) {
        return polls > SEPARATE_DOTS;
    }

    /**
     * The groups of the first {@code n} dots at ({@code x}, {@code y}) in data units (days, points),
     * of choice {@code choice} (0 to 127), drawn at {@code xPixels} and {@code yPixels} pixels a unit;
     * in order of choice, column and row. Positions and ranges of the groups are in data units.
     */
    public static List<Group> of(double[] x, double[] y, int[] choice, int n, double xPixels, double yPixels) {
        return of(x, y, choice, n, xPixels, yPixels, MAX_MARKS);
    }

    /** As {@link #of(double[], double[], int[], int, double, double)}, with at most {@code maxMarks} marks. */
    public static List<Group> of(
            double[] x, double[] y, int[] choice, int n, double xPixels, double yPixels, int maxMarks) {
        if (n >= 1 << INDEX_BITS) {
            throw new IllegalArgumentException("Too many dots to group: " + n);
        }
        for (int i = 0; i < n; i++) {
            if (choice[i] < 0 || choice[i] > 127) {
                throw new IllegalArgumentException("Choice index out of range: " + choice[i]);
            }
        }
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            y0 = Math.min(y0, y[i]);
            y1 = Math.max(y1, y[i]);
        }
        long[] packed = new long[n];
        double cell = CELL;
        int groups = 0;
        while (n > 0) {
            double perColumn = Math.abs(xPixels) / cell;
            double perRow = Math.abs(yPixels) / cell;
            int columns = cells((x1 - x0) * perColumn);
            int rows = cells((y1 - y0) * perRow);
            for (int i = 0; i < n; i++) {
                long column = Math.min(columns - 1, (long) ((x[i] - x0) * perColumn));
                long row = Math.min(rows - 1, (long) ((y[i] - y0) * perRow));
                long key = ((long) choice[i] << (2 * AXIS_BITS)) | (column << AXIS_BITS) | row;
                packed[i] = (key << INDEX_BITS) | i;
            }
            Arrays.sort(packed);
            groups = 0;
            long previous = -1;
            for (long p : packed) {
                long key = p >>> INDEX_BITS;
                if (key != previous) {
                    groups++;
                    previous = key;
                }
            }
            if (groups <= maxMarks || (columns <= 1 && rows <= 1)) {
                break;
            }
            cell *= 2;
        }
        List<Group> out = new ArrayList<>(groups);
        int start = 0;
        while (start < n) {
            long key = packed[start] >>> INDEX_BITS;
            int end = start;
            double sumX = 0;
            double sumY = 0;
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            while (end < n && (packed[end] >>> INDEX_BITS) == key) {
                int i = (int) (packed[end] & ((1 << INDEX_BITS) - 1));
                sumX += x[i];
                sumY += y[i];
                minX = Math.min(minX, x[i]);
                maxX = Math.max(maxX, x[i]);
                minY = Math.min(minY, y[i]);
                maxY = Math.max(maxY, y[i]);
                end++;
            }
            int count = end - start;
            out.add(new Group(
                    (int) (key >>> (2 * AXIS_BITS)), sumX / count, sumY / count, count, minX, maxX, minY, maxY));
            start = end;
        }
        return out;
    }

    /** The number of cells across a span of {@code cells} cell sides: at least one, within the key's bits. */
    private static int cells(double cells) {
        return (int) Math.max(1, Math.min((1 << AXIS_BITS) - 1, Math.floor(cells) + 1));
    }

    /** "Approve: 23 polls, 2021-03-01 to 2021-03-09, 45.0 to 52.0 %", of a group in days and points. */
    public static String tooltip(StringBuilder tip, String label, Group group) {
        tip.setLength(0);
        tip.append(label).append(": ").append(group.count()).append(group.count() == 1 ? " poll, " : " polls, ");
        LocalDate first = LocalDate.ofEpochDay((long) group.minX());
        LocalDate last = LocalDate.ofEpochDay((long) group.maxX());
        tip.append(first);
        if (!last.equals(first)) {
            tip.append(" to ").append(last);
        }
        tip.append(", ");
        ChartOutput.appendTenths(tip, group.minY(), true);
        if (group.maxY() != group.minY()) {
            tip.append(" to ");
            ChartOutput.appendTenths(tip, group.maxY(), true);
        }
        return tip.append(" %").toString();
    }

    /** The radius of a mark of {@code count} dots: 2.5 pixels for one, up to 4 (cells are 6 apart). */
    public static double radius(int count) {
        return Math.min(4, 2.5 + 0.5 * log2(count));
    }

    /**
     * The opacity (0-255) of a mark of {@code count} dots: light for one, up to 200 from 16 on, so
     * that the crowd of a large series shows where polls are dense and leaves the band readable.
     */
    public static int alpha(int count) {
        return (int) Math.min(200, 70 + 32 * log2(count));
    }

    private static double log2(int count) {
        return Math.log(count) / Math.log(2);
    }
}
