package org.pollwatch.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pollwatch.testsupport.TestPolls.newPollster;
import static org.pollwatch.testsupport.TestPolls.poll;
import static org.pollwatch.testsupport.TestPolls.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.pollwatch.series.SeriesFixtures;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom feeds, read as a feed reader would: well-formed XML in the Atom namespace. */
@QuarkusTest
class FeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void thePollstersFeedListsItsPollsNewestFirstAndMarksRetractions() throws Exception {
        String slug = "feed-" + Long.toHexString(System.nanoTime());
        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Polls <&> \\\"Quotes\\\"\",\"country\":\"IL\"}")
                .post("/pollsters")
                .then()
                .statusCode(201);
        long first = submit(poll(slug, "1000", "2024-01-25", 51, 36));
        long second = submit(poll(slug, "null", "2024-02-25", 40, 45));
        given().queryParam("reason", "Wrong weights")
                .delete("/polls/" + first)
                .then()
                .statusCode(200);

        byte[] body = given().get("/feeds/pollsters/" + slug + ".atom")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/atom+xml"))
                .extract()
                .asByteArray();
        Document feed = parse(body);
        assertEquals("Pollwatch: polls of Polls <&> \"Quotes\"", text(feed.getDocumentElement(), "title"));
        List<Element> entries = entries(feed);
        assertEquals(2, entries.size());
        assertTrue(text(entries.get(0), "id").endsWith("/polls/" + second), text(entries.get(0), "id"));
        assertEquals(
                "Polls <&> \"Quotes\", 2024-01-20 to 2024-02-25: Toppling Hamas 45 % vs Returning the hostages 40 %",
                text(entries.get(0), "title"));
        assertTrue(text(entries.get(0), "summary").contains("Sample size not given."));
        assertTrue(text(entries.get(1), "title").startsWith("Retracted: "), text(entries.get(1), "title"));
        assertTrue(text(entries.get(1), "summary").endsWith("Retracted: Wrong weights"));
        assertEquals(
                "israel-hamas-war",
                ((Element) entries.get(1)
                                .getElementsByTagNameNS(ATOM, "category")
                                .item(0))
                        .getAttribute("term"));
    }

    @Test
    void feedsAnswer304UntilAPollChanges() {
        String pollster = newPollster();
        submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        String etag = given().get("/feeds/pollsters/" + pollster + ".atom")
                .then()
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get("/feeds/pollsters/" + pollster + ".atom")
                .then()
                .statusCode(304);
        submit(poll(pollster, "1000", "2024-02-25", 50, 36));
        given().header("If-None-Match", etag)
                .get("/feeds/pollsters/" + pollster + ".atom")
                .then()
                .statusCode(200);
    }

    @Test
    void theLatestAndSeriesFeedsAreAtomToo() throws Exception {
        String key = SeriesFixtures.newSeries();
        long member = SeriesFixtures.submit(
                SeriesFixtures.poll(newPollster(), key, "2021-06-01", "2021-06-03", null, "adults", 1000, 50, 40));
        List<Element> inSeries = entries(parse(given().get("/feeds/series/" + key + ".atom")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray()));
        assertEquals(1, inSeries.size());
        assertTrue(text(inSeries.get(0), "id").endsWith("/polls/" + member));

        List<Element> latest = entries(parse(given().get("/feeds/polls.atom")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray()));
        assertTrue(latest.size() >= 1 && latest.size() <= 50, "entries: " + latest.size());
        given().get("/feeds/series/no-such-series.atom").then().statusCode(404);
        given().get("/feeds/pollsters/no-such-pollster.atom").then().statusCode(404);
        given().get("/").then().body(containsString("href=\"/feeds/polls.atom\""));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertEquals(ATOM, document.getDocumentElement().getNamespaceURI());
        assertEquals("feed", document.getDocumentElement().getLocalName());
        return document;
    }

    private static List<Element> entries(Document feed) {
        NodeList nodes = feed.getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
        List<Element> entries = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            entries.add((Element) nodes.item(i));
        }
        return entries;
    }

    /** The text of the element's first child of that name (not of a nested entry's). */
    private static String text(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && name.equals(child.getLocalName())) {
                return child.getTextContent();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }
}
