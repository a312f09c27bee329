package org.pollwatch.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void escapesTheCharactersThatCopyTextFormatReserves() {
        StringBuilder rows = new StringBuilder();
        new CopyText(rows)
                .column(1)
                .column("a\tb\\c\nd\re")
                .column(null)
                .endRow()
                .column("plain")
                .column(true)
                .endRow();
        assertEquals("1\ta\\tb\\\\c\\nd\\re\t\\N\nplain\ttrue\n", rows.toString());
    }

    @Test
    void arraysAreQuotedLiteralsWithNullsThenEscapedAsText() {
        StringBuilder row = new StringBuilder();
        new CopyText(row)
                .arrayColumn(List.of("approve", "say \"no\"", "back\\slash"))
                .arrayColumn(Arrays.asList(new BigDecimal("45.0"), null))
                .arrayColumn(null)
                .endRow();
        // the literal {"approve","say \"no\"","back\\slash"}, whose backslashes COPY needs doubled
        assertEquals(
                "{\"approve\",\"say \\\\\"no\\\\\"\",\"back\\\\\\\\slash\"}\t{\"45.0\",NULL}\t\\N\n", row.toString());
    }

    @Test
    void idBlocksFollowHibernatesPooledLoOptimizer() {
        long[] ids = new long[53];
        int next = IdBlocks.fill(ids, 0, 1); // 1..50
        next = IdBlocks.fill(ids, next, 101); // 101..103, then the array is full
        assertEquals(53, next);
        assertEquals(1, ids[0]);
        assertEquals(50, ids[49]);
        assertArrayEquals(new long[] {101, 102, 103}, Arrays.copyOfRange(ids, 50, 53));
    }
}
