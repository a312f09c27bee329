package org.pollwatch.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pollwatch.client.ApiClient;
import org.pollwatch.client.ApiException;
import org.pollwatch.client.api.ComparisonsApi;
import org.pollwatch.client.api.PollsApi;
import org.pollwatch.client.api.PollstersApi;
import org.pollwatch.client.api.SeriesAndTrendsApi;
import org.pollwatch.client.model.LeadComparison;
import org.pollwatch.client.model.OptionDocument;
import org.pollwatch.client.model.Poll;
import org.pollwatch.client.model.PollDocument;
import org.pollwatch.client.model.Pollster;
import org.pollwatch.client.model.Population;
import org.pollwatch.client.model.QuestionDocument;
import org.pollwatch.client.model.SurveyMode;
import org.pollwatch.client.model.Trend;
import org.pollwatch.series.SeriesFixtures;
import org.pollwatch.testsupport.TestKeys;
import org.pollwatch.testsupport.TestPolls;

/**
 * The Java client generated from the API document (openapi-generator, library native) used as a
 * client author would: submit a poll, compare its lead, read a trend as JSON and as CSV, and get a
 * problem back for a bad poll.
 */
@QuarkusIntegrationTest
class GeneratedClientIT {

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + RestAssured.port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TestKeys.ADMIN));
        return client;
    }

    @Test
    void submitsComparesReadsTrendsAndGetsProblems() throws Exception {
        ApiClient client = client();
        String slug = "client-" + UUID.randomUUID().toString().substring(0, 8);
        Pollster registered = new PollstersApi(client)
                .registerPollster(
                        new Pollster().slug(slug).name("Client Research").country("IL"), null);
        assertEquals(slug, registered.getSlug());

        PollDocument document = new PollDocument()
                .pollster(slug)
                .fieldStart(LocalDate.parse("2024-02-10"))
                .fieldEnd(LocalDate.parse("2024-02-12"))
                .population(Population.ADULTS)
                .country("IL")
                .mode(SurveyMode.ONLINE)
                .sampleSize(1000)
                .questions(List.of(new QuestionDocument()
                        .wording("What should be the main goal of the war?")
                        .options(List.of(
                                new OptionDocument()
                                        .label("Returning the hostages")
                                        .percentage(new BigDecimal("56")),
                                new OptionDocument().label("Toppling Hamas").percentage(new BigDecimal("33"))))));
        Poll poll = new PollsApi(client).submitPoll(document, UUID.randomUUID().toString());
        assertNotNull(poll.getId());
        assertEquals(1, poll.getQuestions().size());

        LeadComparison lead = new ComparisonsApi(client)
                .compareLead(poll.getId(), poll.getQuestions().get(0).getId(), null, null, null, null);
        assertEquals(23.0, lead.getLead(), 1e-9);
        assertEquals("lead", lead.getVerdict().getValue());

        String series = SeriesFixtures.newSeries();
        SeriesFixtures.submit(SeriesFixtures.poll(
                TestPolls.newPollster(), series, "2021-03-01", "2021-03-03", null, "adults", 1000, 49, 44));
        SeriesAndTrendsApi trends = new SeriesAndTrendsApi(client);
        Trend trend = trends.getTrend(series, null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(series, trend.getSeries());
        assertTrue(!trend.getPoints().isEmpty(), "trend points");
        File csv = trends.getTrendCsv(series, null, null, null, null, null, null, null, null, null, null, null);
        String text = Files.readString(csv.toPath());
        assertTrue(text.startsWith("date,"), text);

        ApiException problem = assertThrows(
                ApiException.class,
                () -> new PollsApi(client)
                        .submitPoll(document.sampleSize(-5), UUID.randomUUID().toString()));
        assertEquals(400, problem.getCode());
        assertTrue(problem.getResponseBody().contains("sampleSize"), problem.getResponseBody());
    }
}
