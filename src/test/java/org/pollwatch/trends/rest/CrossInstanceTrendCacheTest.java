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
import org.pollwatch.series.SeriesFixtures;
import org.pollwatch.testsupport.TestPolls;

/**
 * Trends cached by one instance follow changes committed by another. The other instance is played by
 * a plain JDBC transaction doing what a writing instance's transaction does: change the data and raise
 * the data generation, with no event reaching this instance.
 */
@QuarkusTest
class CrossInstanceTrendCacheTest {

    @Test
    void aCachedTrendFollowsAChangeCommittedElsewhere() throws SQLException {
        String series = SeriesFixtures.newSeries();
        String pollster = TestPolls.newPollster();
        long id = SeriesFixtures.submit(
                SeriesFixtures.poll(pollster, series, "2024-03-01", "2024-03-02", null, "adults", 1000, 50, 40));
        assertEquals(50.0, lastApprove(series), 0.001);
        assertEquals(50.0, lastApprove(series), 0.001); // now served from the cache

        changeElsewhere(id, 61);
        assertEquals(61.0, lastApprove(series), 0.001);
    }

    @Test
    void pollsReadForATrendFollowAChangeCommittedElsewhere() throws SQLException {
        String series = SeriesFixtures.newSeries();
        String pollster = TestPolls.newPollster();
        long id = SeriesFixtures.submit(
                SeriesFixtures.poll(pollster, series, "2024-04-01", "2024-04-02", null, "adults", 1000, 50, 40));
        assertEquals(50.0, lastApprove(series, "2024-04-10"), 0.001); // reads the series' polls

        changeElsewhere(id, 63);
        // a date never asked: computed from the polls, which must be read again
        assertEquals(63.0, lastApprove(series, "2024-04-11"), 0.001);
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

    /** What another instance's transaction does: change the poll's approval and raise the generation. */
    private static void changeElsewhere(long pollId, int approve) throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement change = db.prepareStatement(
                            "update option_result set percentage = ?"
                                    + " where label = 'Approve' and question_id in (select id from question where poll_id = ?)");
                    PreparedStatement raise =
                            db.prepareStatement("update data_generation set value = value + 1 where id = 1")) {
                change.setInt(1, approve);
                change.setLong(2, pollId);
                assertEquals(1, change.executeUpdate());
                raise.executeUpdate();
            }
            db.commit();
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
