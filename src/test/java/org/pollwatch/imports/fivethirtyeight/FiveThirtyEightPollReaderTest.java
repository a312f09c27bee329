package org.pollwatch.imports.fivethirtyeight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiveThirtyEightPollReaderTest {

    private static final String HEADER =
            "start_date,end_date,pollster,sponsor,sample_size,population,party,subject,tracking,text,approve,disapprove,url\n";

    private static List<PollRowResult> read(String csv) {
        return FiveThirtyEightPollReader.approval(new StringReader(csv)).stream()
                .toList();
    }

    private static PollRow row(PollRowResult r) {
        return assertInstanceOf(PollRow.class, r, () -> "expected a row but got " + r);
    }

    private static RowError error(PollRowResult r) {
        return assertInstanceOf(RowError.class, r, () -> "expected an error but got " + r);
    }

    @Test
    void parsesAWellFormedRow() {
        PollRow r = row(read(HEADER
                        + "2021-01-22,2021-01-23,Ipsos,ABC News,504,a,all,Biden,FALSE,Do you approve?,69,29,https://x\n")
                .get(0));
        assertEquals(2, r.line());
        assertEquals(LocalDate.of(2021, 1, 22), r.startDate());
        assertEquals(LocalDate.of(2021, 1, 23), r.endDate());
        assertFalse(r.datesSwapped());
        assertEquals("Ipsos", r.pollster());
        assertEquals("ABC News", r.sponsor());
        assertEquals(504, r.sampleSize());
        assertEquals("a", r.population());
        assertEquals(Boolean.FALSE, r.tracking());
        assertEquals(Map.of("approve", 69.0, "disapprove", 29.0), r.answers());
        assertEquals(List.of("approve", "disapprove"), List.copyOf(r.answers().keySet()));
        assertEquals("https://x", r.url());
    }

    @Test
    void handlesRfc4180QuotingAndCountsPhysicalLines() {
        String csv = HEADER
                + "2021-02-01,2021-02-03,\"Hart Research Associates/Public Opinion Strategies\",\"NBC, WSJ\",1000,rv,all,Biden,TRUE,"
                + "\"He said \"\"approve?\"\"\nsecond line\",55.5,40,\"\"\r\n"
                + "2021-02-04,2021-02-05,YouGov,,1500,A,all,Biden,,q,50,40,u\n";
        List<PollRowResult> rows = read(csv);
        assertEquals(2, rows.size());
        PollRow first = row(rows.get(0));
        assertEquals(2, first.line());
        assertEquals("NBC, WSJ", first.sponsor());
        assertEquals("He said \"approve?\"\nsecond line", first.text());
        assertEquals(55.5, first.answers().get("approve"));
        assertEquals(Boolean.TRUE, first.tracking());
        assertNull(first.url(), "empty quoted field is empty");
        PollRow second = row(rows.get(1));
        assertEquals(4, second.line(), "the quoted newline advanced the line count");
        assertNull(second.sponsor());
        assertNull(second.tracking(), "empty tracking = unknown");
        assertEquals("a", second.population(), "population is case-insensitive");
    }

    @Test
    void findsColumnsByNameInAnyOrderAndIgnoresExtras() {
        String csv = "approve,population,extra,pollster,end_date,start_date,sample_size,disapprove\n"
                + "48,lv,whatever,Marist,1/31/2021,1/28/2021,1000,45\n";
        PollRow r = row(read(csv).get(0));
        assertEquals(LocalDate.of(2021, 1, 28), r.startDate(), "M/d/yyyy accepted");
        assertEquals(LocalDate.of(2021, 1, 31), r.endDate());
        assertEquals(48.0, r.answers().get("approve"));
        assertNull(r.party());
        assertNull(r.tracking(), "absent optional column");
    }

    @Test
    void swapsStartAfterEndAndFlagsIt() {
        PollRow r = row(read(HEADER + "2021-10-19,2021-01-21,YouGov,Yahoo News,1704,a,all,Biden,FALSE,q,45,45,u\n")
                .get(0));
        assertTrue(r.datesSwapped());
        assertEquals(LocalDate.of(2021, 1, 21), r.startDate());
        assertEquals(LocalDate.of(2021, 10, 19), r.endDate(), "the later date is the field end");
    }

    @Test
    void sampleSizeMayBeEmptyOrFractional() {
        List<PollRowResult> rows = read(HEADER
                + "2021-02-01,2021-02-02,A,,,a,all,Biden,FALSE,q,50,40,u\n"
                + "2021-02-01,2021-02-02,B,,1234.5,a,all,Biden,FALSE,q,50,40,u\n"
                + "2021-02-01,2021-02-02,C,,999.4,a,all,Biden,FALSE,q,50,40,u\n");
        assertNull(row(rows.get(0)).sampleSize());
        assertEquals(1235, row(rows.get(1)).sampleSize());
        assertEquals(999, row(rows.get(2)).sampleSize());
    }

    @Test
    void reportsBadRowsWithLineColumnAndReasonAndGoesOn() {
        List<PollRowResult> rows = read(HEADER
                + "2021-02-30,2021-03-01,A,,500,a,all,Biden,FALSE,q,50,40,u\n" // 2: no Feb 30
                + "2021-03-01,yesterday,A,,500,a,all,Biden,FALSE,q,50,40,u\n" // 3
                + "2021-03-01,2021-03-02,A,,500,a,all,Biden,FALSE,q,101,40,u\n" // 4
                + "2021-03-01,2021-03-02,A,,500,a,all,Biden,FALSE,q,50,-1,u\n" // 5
                + "2021-03-01,2021-03-02,A,,500,a,all,Biden,FALSE,q,fifty,40,u\n" // 6
                + "2021-03-01,2021-03-02,A,,500,adults,all,Biden,FALSE,q,50,40,u\n" // 7
                + "2021-03-01,2021-03-02,A,,500,a,all,Biden,maybe,q,50,40,u\n" // 8
                + "2021-03-01,2021-03-02,A,,0,a,all,Biden,FALSE,q,50,40,u\n" // 9
                + "2021-03-01,2021-03-02,A,,500,a,all,Biden,FALSE,q,50,40\n" // 10: short row
                + "2021-03-01,2021-03-02,,,500,a,all,Biden,FALSE,q,50,40,u\n" // 11: no pollster
                + "2021-03-01,2021-03-02,A,,500,a,all,Biden,FALSE,q,50,40,u\n"); // 12: fine
        assertEquals(11, rows.size());
        String[][] expected = {
            {"2", "start_date"}, {"3", "end_date"}, {"4", "approve"}, {"5", "disapprove"}, {"6", "approve"},
            {"7", "population"}, {"8", "tracking"}, {"9", "sample_size"}, {"10", null}, {"11", "pollster"}
        };
        for (int i = 0; i < expected.length; i++) {
            RowError e = error(rows.get(i));
            assertEquals(Long.parseLong(expected[i][0]), e.line(), e.toString());
            assertEquals(expected[i][1], e.column(), e.toString());
            assertFalse(e.reason().isBlank());
        }
        assertTrue(error(rows.get(2)).reason().contains("range"));
        assertEquals(12, row(rows.get(10)).line());
    }

    @Test
    void unterminatedQuoteIsOneErrorAtTheEnd() {
        List<PollRowResult> rows = read(HEADER
                + "2021-03-01,2021-03-02,A,,500,a,all,Biden,FALSE,q,50,40,u\n"
                + "2021-03-01,2021-03-02,B,,500,a,all,Biden,FALSE,\"never closed,50,40,u\n"
                + "2021-03-01,2021-03-02,C,,500,a,all,Biden,FALSE,q,50,40,u\n");
        assertEquals(2, rows.size());
        row(rows.get(0));
        RowError e = error(rows.get(1));
        assertEquals(3, e.line());
        assertEquals("text", e.column());
        assertTrue(e.reason().contains("unterminated"));
    }

    @Test
    void missingRequiredColumnsIsOneHeaderError() {
        CsvHeaderException e = assertThrows(
                CsvHeaderException.class,
                () -> FiveThirtyEightPollReader.approval(
                        new StringReader("start_date,pollster,sample_size,approve\n2021-01-01,A,500,50\n")));
        assertEquals(List.of("end_date", "population", "disapprove"), e.missingColumns());
        assertTrue(e.getMessage().contains("end_date, population, disapprove"));
        assertThrows(CsvHeaderException.class, () -> FiveThirtyEightPollReader.approval(new StringReader("")));
    }

    @Test
    void callerNamesTheAnswerColumnsAndEmptyAnswersAreLeftOut() {
        String csv = "start_date,end_date,pollster,sample_size,population,very,somewhat,not_very,not_at_all\n"
                + "2020-03-01,2020-03-03,Morning Consult,2200,a,30,40,20,\n";
        var reader = new FiveThirtyEightPollReader(new StringReader(csv), FiveThirtyEightPollReader.CONCERN_ANSWERS);
        PollRow r = row(reader.next());
        assertEquals(Map.of("very", 30.0, "somewhat", 40.0, "not_very", 20.0), r.answers());
        assertFalse(reader.hasNext());
    }

    @Test
    void readsTheRealFileWithoutErrors() throws IOException {
        try (Reader in = new InputStreamReader(
                        getClass().getResourceAsStream("/fivethirtyeight-covid/covid_approval_polls_biden_all.csv"),
                        StandardCharsets.UTF_8);
                var reader = FiveThirtyEightPollReader.approval(in)) {
            List<PollRowResult> rows = reader.stream().toList();
            assertEquals(184, rows.size());
            assertTrue(
                    rows.stream().allMatch(r -> r instanceof PollRow),
                    () -> rows.stream()
                            .filter(r -> r instanceof RowError)
                            .toList()
                            .toString());
            assertEquals(
                    1, rows.stream().filter(r -> ((PollRow) r).datesSwapped()).count(), "the one YouGov row");
            assertEquals(
                    1,
                    rows.stream().filter(r -> ((PollRow) r).tracking() == null).count());
        }
    }

    @Test
    void readsToplines() {
        String csv = "subject,modeldate,party,approve_estimate,disapprove_estimate,timestamp\n"
                + "Biden,8/31/2021,all,53.418172,40.628323,19:35:21 31 Aug 2021\n";
        var reader = new FiveThirtyEightToplineReader(new StringReader(csv), List.of("approve", "disapprove"));
        Topline t = reader.next();
        assertEquals(LocalDate.of(2021, 8, 31), t.modelDate());
        assertEquals(53.418172, t.estimates().get("approve"));
        assertEquals("Biden", t.subject());
        assertFalse(reader.hasNext());
        assertThrows(
                CsvHeaderException.class,
                () -> new FiveThirtyEightToplineReader(
                        new StringReader("modeldate,approve_estimate\n"), List.of("approve", "disapprove")));
    }
}
