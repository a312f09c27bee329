package org.pollwatch.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pollwatch.series.SeriesFixtures.newSeries;
import static org.pollwatch.series.SeriesFixtures.poll;
import static org.pollwatch.series.SeriesFixtures.submit;
import static org.pollwatch.testsupport.TestPolls.newPollster;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@QuarkusTest
class ChartResourceTest {

    @Test
    void trendSvgIsWellFormedWithViewBoxTitleDescOneDotPerPollAndBands() throws Exception {
        String key = seriesOfDailyPolls(8, day -> 48 + day % 3);
        Response response =
                given().queryParam("width", 800).queryParam("height", 450).get("/series/" + key + "/trend.svg");
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("image/svg+xml"));
        assertTrue(response.header("Cache-Control").contains("max-age"));
        Document svg = parse(response.asByteArray());
        Element root = svg.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertArrayEquals(
                new double[] {0, 0, 800, 450},
                Arrays.stream(root.getAttribute("viewBox").split(" "))
                        .mapToDouble(Double::parseDouble)
                        .toArray());
        assertEquals("img", root.getAttribute("role"));
        String title = text(svg, "/*[local-name()='svg']/*[local-name()='title']");
        String desc = text(svg, "/*[local-name()='svg']/*[local-name()='desc']");
        assertEquals("Approval of the government's response", title);
        // alt text from the data: last values and the number of polls
        assertTrue(
                desc.contains("Approve ") && desc.contains("Disapprove 42.0 %") && desc.contains("of 8 polls"), desc);
        // one dot per poll and choice (8 polls x 2 choices), each with its tooltip
        NodeList dots = (NodeList) XPathFactory.newInstance()
                .newXPath()
                .evaluate(
                        "//*[local-name()='g'][@id='dots']/*[local-name()='g'][*[local-name()='ellipse']]",
                        svg,
                        XPathConstants.NODESET);
        assertEquals(16, dots.getLength());
        assertTrue(((Element) dots.item(0))
                .getElementsByTagNameNS("*", "title")
                .item(0)
                .getTextContent()
                .contains("n = 1000"));
        assertEquals(1.0, (Double) XPathFactory.newInstance()
                .newXPath()
                .evaluate("count(//*[@id='band-approve'])", svg, XPathConstants.NUMBER));
        String footer = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(footer.contains("Pollwatch · data: "), footer);

        String etag = response.header("ETag");
        given().header("If-None-Match", etag)
                .queryParam("width", 800)
                .queryParam("height", 450)
                .get("/series/" + key + "/trend.svg")
                .then()
                .statusCode(304);
        String dark = given().queryParam("width", 800)
                .queryParam("height", 450)
                .queryParam("theme", "dark")
                .get("/series/" + key + "/trend.svg")
                .header("ETag");
        assertNotEquals(etag, dark);
        // a new poll changes the chart
        submit(poll(newPollster(), key, "2021-04-10", "2021-04-10", null, "adults", 1000, 60, 30));
        given().header("If-None-Match", etag)
                .queryParam("width", 800)
                .queryParam("height", 450)
                .get("/series/" + key + "/trend.svg")
                .then()
                .statusCode(200);
    }

    @Test
    void endLabelsKeepTheirNumberAndDateLabelsDoNotCollideOnNarrowCharts() throws Exception {
        String key = seriesOfDailyPolls(5, day -> 50);
        String wide = texts(parse(given().queryParam("width", 640)
                .get("/series/" + key + "/trend.svg")
                .asByteArray()));
        // the plot makes room for the whole of the longest label
        assertTrue(wide.contains("Disapprove 42.0 %") && wide.contains("Approve 50.0 %"), wide);
        Document narrowSvg = parse(given().queryParam("width", 240)
                .get("/series/" + key + "/trend.svg")
                .asByteArray());
        String narrow = texts(narrowSvg);
        // too narrow for the whole label: the number comes first and stays whole
        assertTrue(narrow.contains("42.0 % ") && narrow.contains("50.0 % "), narrow);
        // and the date labels thin out instead of overlapping ("5 Apr" is about 30 pixels wide at 11 px)
        java.util.List<Double> dateX = new java.util.ArrayList<>();
        for (Element t : textElements(narrowSvg)) {
            if (t.getTextContent().matches("\\d{1,2} [A-Z][a-z]{2}"))
                dateX.add(Double.parseDouble(t.getAttribute("x")));
        }
        dateX.sort(null);
        assertTrue(dateX.size() >= 2, "date labels " + dateX);
        for (int i = 1; i < dateX.size(); i++)
            assertTrue(dateX.get(i) - dateX.get(i - 1) >= 40, "date labels " + dateX);
    }

    @Test
    void pngIsAnImageOfTheRequestedSize() throws Exception {
        String key = newSeries();
        submit(poll(newPollster(), key, "2021-05-01", "2021-05-02", null, "adults", 800, 51, 39));
        byte[] png = given().queryParam("width", 400)
                .queryParam("height", 300)
                .get("/series/" + key + "/trend.png")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
    }

    @Test
    void questionChartNamesOptionsAndTheUnknownSampleSize() throws Exception {
        Response response = given().get("/polls/1/questions/1/chart.svg");
        assertEquals(200, response.statusCode());
        Document svg = parse(response.asByteArray());
        String desc = text(svg, "/*[local-name()='svg']/*[local-name()='desc']");
        assertTrue(desc.contains("Returning the hostages 51.0 %") && desc.contains("sample size not given"), desc);
        given().get("/polls/1/questions/1/chart.png").then().statusCode(200).contentType("image/png");
        given().get("/polls/1/questions/999999/chart.svg").then().statusCode(404);
    }

    @Test
    void badChartParametersAreProblemsNamingTheField() {
        given().queryParam("width", 10)
                .get("/polls/1/questions/1/chart.svg")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("width"));
        given().queryParam("theme", "purple")
                .get("/polls/1/questions/1/chart.svg")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("theme"));
        given().get("/series/no-such-series/trend.svg")
                .then()
                .statusCode(404)
                .contentType(containsString("problem+json"));
    }

    static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    /** A new series with one poll a day from 1 April 2021 (approve as given, disapprove 42), its key. */
    private static String seriesOfDailyPolls(int days, java.util.function.IntToDoubleFunction approve) {
        String pollster = newPollster();
        String key = newSeries();
        for (int day = 1; day <= days; day++) {
            String date = "2021-04-%02d".formatted(day);
            submit(poll(pollster, key, date, date, null, "adults", 1000, approve.applyAsDouble(day), 42));
        }
        return key;
    }

    /** The {@code <text>} elements of an SVG, in document order. */
    static java.util.List<Element> textElements(Document svg) throws Exception {
        NodeList nodes = (NodeList)
                XPathFactory.newInstance().newXPath().evaluate("//*[local-name()='text']", svg, XPathConstants.NODESET);
        java.util.List<Element> elements = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) elements.add((Element) nodes.item(i));
        return elements;
    }

    /** Every text drawn in an SVG, joined by '|'. */
    static String texts(Document svg) throws Exception {
        StringBuilder all = new StringBuilder();
        for (Element t : textElements(svg)) all.append(t.getTextContent()).append('|');
        return all.toString();
    }

    static String text(Document document, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
    }
}
