package org.pollwatch.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.pollwatch.series.SeriesFixtures;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A series of more polls than a chart shows as separate dots: the SVG and the browser chart draw
 * groups of polls (and say so), and the series page shows the latest polls with links to the rest.
 */
@QuarkusTest
class LargeSeriesChartTest {

    static final int POLLS = 1_200;
    static final Pattern GROUP_TIP = Pattern.compile("^(Approve|Disapprove): (\\d+) polls?, \\d{4}-\\d\\d-\\d\\d");

    private static String series;

    /** Imported once for the class: 1,200 polls over some 400 days, eight some days, none others. */
    static synchronized String series() {
        if (series != null) {
            return series;
        }
        String key = "large-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("start_date,end_date,pollster,sponsor,sample_size,population,party,"
                + "subject,tracking,text,approve,disapprove,url\n");
        Random random = new Random(7);
        LocalDate start = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < POLLS; i++) {
            LocalDate end = start.plusDays(i / 3);
            double approve = 50 + 4 * Math.sin(i / 150.0) + random.nextGaussian() * 2;
            csv.append(end.minusDays(2))
                    .append(',')
                    .append(end)
                    .append(",Pollster ")
                    .append(i % 12)
                    .append(' ')
                    .append(key)
                    .append(",,")
                    .append(600 + random.nextInt(1500))
                    .append(",a,all,Test,FALSE,Approve?,")
                    .append(String.format(Locale.ROOT, "%.0f", approve))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.0f", 94 - approve))
                    .append(",https://example.org/")
                    .append(i)
                    .append('\n');
        }
        SeriesFixtures.importCsv(key, csv.toString()).statusCode(200).body("accepted", equalTo(POLLS));
        series = key;
        return key;
    }

    /** Polls in the average, as the trend names them. */
    static int pollsInAverage(String key) {
        return given().get("/series/" + key + "/trend")
                .jsonPath()
                .getList("polls")
                .size();
    }

    @Test
    void trendSvgOfALargeSeriesDrawsBoundedGroupsThatAddUpToItsPollsAndStatesTheRule() throws Exception {
        String key = series();
        int polls = pollsInAverage(key);
        assertTrue(polls > 500, "polls in the average: " + polls);
        Response response = given().get("/series/" + key + "/trend.svg");
        assertEquals(200, response.statusCode());
        Document svg = ChartResourceTest.parse(response.asByteArray());
        String desc = ChartResourceTest.text(svg, "/*[local-name()='svg']/*[local-name()='desc']");
        assertTrue(desc.contains("of " + polls + " polls"), desc);
        assertTrue(desc.contains("Above 500 polls the dots are grouped: one mark per choice"), desc);
        NodeList marks = (NodeList) XPathFactory.newInstance()
                .newXPath()
                .evaluate(
                        "//*[local-name()='g'][@id='dots']/*[local-name()='g'][*[local-name()='ellipse']]",
                        svg,
                        XPathConstants.NODESET);
        assertTrue(marks.getLength() > 2 && marks.getLength() <= 1000, "marks: " + marks.getLength());
        assertTrue(marks.getLength() < polls, "marks: " + marks.getLength() + " for " + polls + " polls");
        // every poll is in one mark of each choice: the counts add up to polls x choices
        int counted = 0;
        for (int i = 0; i < marks.getLength(); i++) {
            String tip = ((Element) marks.item(i))
                    .getElementsByTagNameNS("*", "title")
                    .item(0)
                    .getTextContent();
            Matcher matcher = GROUP_TIP.matcher(tip);
            assertTrue(matcher.find(), tip);
            counted += Integer.parseInt(matcher.group(2));
        }
        assertEquals(2 * polls, counted);
        // band, line and labels as for any series
        assertEquals(1.0, (Double) XPathFactory.newInstance()
                .newXPath()
                .evaluate("count(//*[@id='band-approve'])", svg, XPathConstants.NUMBER));
        String text = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.contains("dots are groups of polls"), "subtitle");
        assertTrue(text.contains("Pollwatch · data: Pollster "), "footer");
        assertTrue(response.asByteArray().length < 400_000, "SVG bytes: " + response.asByteArray().length);
        given().get("/series/" + key + "/trend.png").then().statusCode(200).contentType("image/png");
    }

    @Test
    void seriesPageOfALargeSeriesShowsTheLatestPollsLinksToTheRestAndGroupsTheBrowserChartsDots() throws Exception {
        String key = series();
        int polls = pollsInAverage(key);
        String page = given().get("/dashboard/series/" + key)
                .then()
                .statusCode(200)
                .body(containsString(polls + " polls; the 100 latest shown, newest first"))
                .body(containsString("The other " + (polls - 100) + " polls: "))
                .body(containsString("href=\"/series/" + key + "/polls?size=100\""))
                .body(containsString("Above 500 polls the dots are grouped"))
                .body(containsString("/series/" + key + "/trend.svg"))
                .extract()
                .asString();
        String table = page.substring(
                page.indexOf("id=\"series-polls\""), page.indexOf("</table>", page.indexOf("id=\"series-polls\"")));
        assertEquals(100, table.split("<tr><td>", -1).length - 1, "rows of the poll table");
        // newest first: the first row is the series' last field end
        assertTrue(
                table.indexOf(LocalDate.of(2020, 1, 1).plusDays((POLLS - 1) / 3).toString()) > 0, "latest poll");
        assertTrue(page.getBytes(StandardCharsets.UTF_8).length < 300_000, "page bytes: " + page.length());

        String json = page.substring(
                page.indexOf("<script type=\"application/json\" id=\"trend-data\">") + 48,
                page.indexOf("</script>", page.indexOf("id=\"trend-data\"")));
        JsonNode data = new ObjectMapper().readTree(json);
        JsonNode dots = data.get("dots");
        assertTrue(dots.size() > 2 && dots.size() <= 500, "browser dots: " + dots.size());
        int counted = 0;
        for (JsonNode dot : dots) {
            counted += dot.get("n").asInt();
            assertTrue(GROUP_TIP.matcher(dot.get("tip").asText()).find(), dot.toString());
        }
        assertEquals(2 * polls, counted);
        assertEquals(2, data.get("choices").size());
    }

    @Test
    void smallSeriesKeepOneDotAndOneRowPerPoll() throws Exception {
        String pollster = org.pollwatch.testsupport.TestPolls.newPollster();
        String key = org.pollwatch.series.SeriesFixtures.newSeries();
        for (int day = 1; day <= 5; day++) {
            org.pollwatch.series.SeriesFixtures.submit(org.pollwatch.series.SeriesFixtures.poll(
                    pollster,
                    key,
                    "2021-06-%02d".formatted(day),
                    "2021-06-%02d".formatted(day),
                    null,
                    "adults",
                    900,
                    45 + day,
                    44));
        }
        String page = given().get("/dashboard/series/" + key)
                .then()
                .statusCode(200)
                .body(containsString("5 polls, oldest first"))
                .body(not(containsString("series-polls-more")))
                .body(not(containsString("dots are grouped")))
                .extract()
                .asString();
        String json = page.substring(
                page.indexOf("<script type=\"application/json\" id=\"trend-data\">") + 48,
                page.indexOf("</script>", page.indexOf("id=\"trend-data\"")));
        JsonNode dots = new ObjectMapper().readTree(json).get("dots");
        assertEquals(10, dots.size());
        for (JsonNode dot : dots) {
            assertEquals(1, dot.get("n").asInt());
            assertTrue(dot.get("tip").asText().contains("n = 900"), dot.toString());
        }
        Document svg = ChartResourceTest.parse(
                given().get("/series/" + key + "/trend.svg").asByteArray());
        assertTrue(!ChartResourceTest.text(svg, "/*[local-name()='svg']/*[local-name()='desc']")
                .contains("grouped"));
    }
}
