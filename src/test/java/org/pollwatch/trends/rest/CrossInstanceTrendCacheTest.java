package org.pollwatch.trends.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.pollwatch.common.DataGeneration;
import org.pollwatch.series.SeriesFixtures;
import org.pollwatch.testsupport.TestPolls;

/**
 * Trends cached by one instance follow changes committed by another. The other instance is played by
 * a plain JDBC transaction doing what a writing instance's transaction does: change the data and raise
 * the generation of the series it changed ({@link DataGeneration#RAISE}), with no event reaching this
 * instance. A change of one series leaves the other series' cached trends in place; the home page,
 * cached until any change, follows every one.
 */
@QuarkusTest
class CrossInstanceTrendCacheTest {

    @Test
    void aCachedTrendFollowsAChangeCommittedElsewhere() throws SQLException {
        String series = SeriesFixtures.newSeries();
        long id = submit(series, "2024-03-01", "2024-03-02", 50);
        assertEquals(50.0, lastApprove(series), 0.001);
        assertEquals(50.0, lastApprove(series), 0.001); // now served from the cache

        changeElsewhere(id, 61, false, series);
        assertEquals(61.0, lastApprove(series), 0.001);
    }

    @Test
    void aWriteToAnotherSeriesKeepsThisSeriesCachedTrend() throws SQLException {
        String kept = SeriesFixtures.newSeries();
        String other = SeriesFixtures.newSeries();
        long id = submit(kept, "2024-05-01", "2024-05-02", 50);
        assertEquals(50.0, lastApprove(kept), 0.001);

        // the poll's row changes with no generation raised: only a recomputed trend could show 57
        changeElsewhere(id, 57, false);
        submit(other, "2024-05-03", "2024-05-04", 44);
        assertEquals(44.0, lastApprove(other), 0.001);
        assertEquals(50.0, lastApprove(kept), 0.001, "a write to another series emptied this series' cache");

        changeElsewhere(id, 57, false, kept);
        assertEquals(57.0, lastApprove(kept), 0.001);
    }

    @Test
    void aChangeNamingNoSeriesRaisesEverySeries() throws SQLException {
        String series = SeriesFixtures.newSeries();
        long id = submit(series, "2024-06-01", "2024-06-02", 50);
        assertEquals(50.0, lastApprove(series), 0.001);
        changeElsewhere(id, 59, true);
        assertEquals(59.0, lastApprove(series), 0.001);
    }

    @Test
    void pollsReadForATrendFollowAChangeCommittedElsewhere() throws SQLException {
        String series = SeriesFixtures.newSeries();
        long id = submit(series, "2024-04-01", "2024-04-02", 50);
        assertEquals(50.0, lastApprove(series, "2024-04-10"), 0.001); // reads the series' polls

        changeElsewhere(id, 63, false, series);
        // a date never asked: computed from the polls, which must be read again
        assertEquals(63.0, lastApprove(series, "2024-04-11"), 0.001);
    }

    @Test
    void theHomePageFollowsAChangeCommittedElsewhere() throws SQLException {
        String series = SeriesFixtures.newSeries();
        String pollster = TestPolls.newPollster();
        long id = SeriesFixtures.submit(
                SeriesFixtures.poll(pollster, series, "2024-08-01", "2024-08-02", null, "adults", 1000, 50, 40));
        assertTrue(home(pollster).contains("Approve 50 % vs Disapprove 40 %"));
        assertTrue(home(pollster).contains("Approve 50 % vs Disapprove 40 %")); // now served from the cache

        changeElsewhere(id, 62, false, series);
        assertTrue(home(pollster).contains("Approve 62 % vs Disapprove 40 %"), "the home page kept the old poll");
    }

    private static String home(String pollster) {
        return given().queryParam("pollster", pollster)
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void everyWriteRaisesTheGenerationInItsTransaction() throws SQLException {
        long before = generation();
        String pollster = TestPolls.newPollster();
        long id = TestPolls.submit(TestPolls.poll(pollster, "900", "2024-01-25", 50, 40));
        long afterSubmit = generation();
        assertTrue(afterSubmit > before, "submission did not raise the generation");
        given().queryParam("reason", "withdrawn").delete("/polls/" + id).then().statusCode(200);
        assertTrue(generation() > afterSubmit, "retraction did not raise the generation");
    }

    @Test
    void aWriteRaisesTheGenerationOfItsSeriesOnly() throws SQLException {
        String series = SeriesFixtures.newSeries();
        String other = SeriesFixtures.newSeries();
        long otherBefore = seriesGeneration(other);
        long id = submit(series, "2024-07-01", "2024-07-02", 50);
        long submitted = seriesGeneration(series);
        assertEquals(generation(), submitted, "the series holds the generation its change raised");
        given().queryParam("reason", "withdrawn").delete("/polls/" + id).then().statusCode(200);
        assertTrue(seriesGeneration(series) > submitted, "retraction did not raise the series' generation");
        assertEquals(otherBefore, seriesGeneration(other), "another series' generation moved");
    }

    /** A poll of a new pollster (adults, n = 1,000, 40 % disapprove) submitted into {@code series}. */
    private static long submit(String series, String fieldStart, String fieldEnd, int approve) {
        return SeriesFixtures.submit(SeriesFixtures.poll(
                TestPolls.newPollster(), series, fieldStart, fieldEnd, null, "adults", 1000, approve, 40));
    }

    /**
     * What another instance's transaction does: change the poll's approval and raise the generations of
     * {@code series} (of every series if {@code unscoped}); with neither, the change goes unannounced.
     */
    private static void changeElsewhere(long pollId, int approve, boolean unscoped, String... series)
            throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement change = db.prepareStatement(
                            "update option_result set percentage = ?"
                                    + " where label = 'Approve' and question_id in (select id from question where poll_id = ?)");
                    PreparedStatement touch = db.prepareStatement("update poll set updated_at = now() where id = ?");
                    PreparedStatement raise = db.prepareStatement(DataGeneration.RAISE)) {
                change.setInt(1, approve);
                change.setLong(2, pollId);
                assertEquals(1, change.executeUpdate());
                // as a revision does: a write to a poll's options also writes the poll's row
                touch.setLong(1, pollId);
                assertEquals(1, touch.executeUpdate());
                if (unscoped || series.length > 0) {
                    raise.setBoolean(1, unscoped);
                    raise.setBoolean(2, false);
                    raise.setString(3, String.join(",", series));
                    raise.executeUpdate();
                }
            }
            db.commit();
        }
    }

    private static long seriesGeneration(String series) throws SQLException {
        try (Connection db = connect();
                PreparedStatement select = db.prepareStatement(
                        "select coalesce((select value from series_generation where series_key = ?), 0)")) {
            select.setString(1, series);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static double lastApprove(String series) {
        return lastApprove(series, null);
    }

    private static double lastApprove(String series, String to) {
        var request = given();
        if (to != null) {
            request.queryParam("to", to);
        }
        List<Map<String, Object>> points = request.get("/series/" + series + "/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("points.findAll { it.choice == 'approve' }");
        return ((Number) points.get(points.size() - 1).get("estimate")).doubleValue();
    }

    private static long generation() throws SQLException {
        try (Connection db = connect();
                ResultSet row = db.createStatement().executeQuery("select value from data_generation where id = 1")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
