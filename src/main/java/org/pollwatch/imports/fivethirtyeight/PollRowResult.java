package org.pollwatch.imports.fivethirtyeight;

/** What {@link FiveThirtyEightPollReader} yields for each data row: a parsed row or an error. */
public sealed interface PollRowResult permits PollRow, RowError {

    /** 1-based physical line on which the row starts (the header is line 1). */
    long line();
}
