package org.pollwatch.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pollwatch.series.SeriesFixtures.newSeries;
import static org.pollwatch.series.SeriesFixtures.poll;
import static org.pollwatch.series.SeriesFixtures.submit;
import static org.pollwatch.testsupport.TestPolls.newPollster;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pollwatch.testsupport.TestKeys;

/**
 * The dashboard as a reader and a pollster use it: Debian's headless Chromium, driven through its
 * chromedriver, against the packaged application. Each page loads without a console error and has no
 * serious or critical axe-core violation in light and dark mode; screenshots of both go to
 * target/browser/. Without a Chromium that starts, the test fails under CI=true and is skipped (with
 * the reason) elsewhere. axe-core comes from npm (src/test/browser/package-lock.json).
 */
@QuarkusIntegrationTest
// Swagger UI's "Try it out" sends every operation's example request: it runs after the page tests
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final Path NPM_PROJECT = Path.of("src", "test", "browser");
    private static final Path AXE = NPM_PROJECT.resolve("node_modules/axe-core/axe.min.js");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ChromeDriver browser;
    private static String axeSource;
    private static String seriesKey;
    private static int seriesPolls;

    private String base;

    @BeforeEach
    void start() throws Exception {
        base = "http://localhost:" + RestAssured.port;
        if (browser == null) {
            browser = startChromium();
            axeSource = Files.readString(locateAxe());
            Files.createDirectories(SCREENSHOTS);
        }
        if (seriesKey == null) {
            String pollster = newPollster();
            seriesKey = newSeries();
            String[][] polls = {
                {"2021-03-01", "2021-03-03", "49", "44"},
                {"2021-03-08", "2021-03-10", "51", "42"},
                {"2021-03-15", "2021-03-17", "48", "45"},
                {"2021-03-22", "2021-03-24", "52", "41"},
                {"2021-03-29", "2021-03-31", "50", "43"},
            };
            for (String[] p : polls) {
                submit(poll(
                        pollster,
                        seriesKey,
                        p[0],
                        p[1],
                        null,
                        "adults",
                        1000,
                        Double.parseDouble(p[2]),
                        Double.parseDouble(p[3])));
            }
            seriesPolls = polls.length;
        }
        setColourScheme("light");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /**
     * Swagger UI's "Try it out", operation by operation, as a visitor would click it: every one
     * sends its request with the document's examples and shows the status it got (none hangs, none is
     * a 5xx). The event stream is left out: its answer never ends, by design.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void swaggerUiTryItOutAnswersOnEveryOperation() {
        open("/q/swagger-ui/");
        wait(Duration.ofSeconds(30))
                .until(b -> !b.findElements(By.cssSelector(".opblock")).isEmpty());
        List<String> failures = new java.util.ArrayList<>();
        int tried = 0;
        for (WebElement operation : browser.findElements(By.cssSelector(".opblock"))) {
            String path = operation
                    .findElement(By.cssSelector(".opblock-summary-path"))
                    .getAttribute("data-path");
            String method = operation
                    .findElement(By.cssSelector(".opblock-summary-method"))
                    .getText();
            if ("/events".equals(path)) {
                continue;
            }
            js("arguments[0].scrollIntoView({block: 'center'});", operation);
            operation.findElement(By.cssSelector(".opblock-summary")).click();
            wait(WAIT)
                    .until(b -> !operation
                            .findElements(By.cssSelector(".try-out__btn"))
                            .isEmpty());
            operation.findElement(By.cssSelector(".try-out__btn")).click();
            wait(WAIT)
                    .until(b -> !operation
                            .findElements(By.cssSelector("button.execute"))
                            .isEmpty());
            operation.findElement(By.cssSelector("button.execute")).click();
            tried++;
            try {
                String status = wait(WAIT).until(b -> {
                    List<WebElement> cells =
                            operation.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"));
                    return cells.isEmpty() || cells.get(0).getText().isBlank()
                            ? null
                            : cells.get(0).getText();
                });
                if (!status.matches("\\d{3}.*") || status.startsWith("5")) {
                    failures.add(method + " " + path + ": " + status);
                }
            } catch (org.openqa.selenium.TimeoutException e) {
                failures.add(method + " " + path + ": no answer shown in " + WAIT.toSeconds() + " s");
            }
            operation.findElement(By.cssSelector(".opblock-summary")).click(); // fold it again
        }
        assertTrue(tried >= 40, "operations tried: " + tried);
        assertEquals(List.of(), failures);
    }

    @Test
    void homeShowsTheSeededIdiPoll() {
        open("/?pollster=israel-democracy-institute");
        WebElement row = browser.findElement(By.cssSelector("#latest-polls tr[data-poll='1']"));
        assertTrue(row.getText().contains("Israel Democracy Institute"), row.getText());
        assertTrue(row.getText().contains("Returning the hostages 51 % vs Toppling Hamas 36 %"), row.getText());
        checkPage("home");
    }

    @Test
    void pollAndPollsterPagesReadWell() {
        open("/dashboard/polls/1");
        assertTrue(browser.findElement(By.tagName("main"))
                .getText()
                .contains("the source gives no sample size, so significance cannot be computed"));
        checkPage("poll");
        open("/dashboard/pollsters/israel-democracy-institute");
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Israel Democracy Institute"));
        checkPage("pollster");
    }

    @Test
    void seriesPageDrawsOneDotPerPollAndTheBand() {
        open("/dashboard/series/" + seriesKey);
        WebElement chart = wait(WAIT).until(b -> {
            WebElement holder = b.findElement(By.id("trend-chart"));
            return holder.getAttribute("data-dots-drawn") != null ? holder : null;
        });
        // two choices (Approve, Disapprove): one dot per poll for each
        assertEquals(String.valueOf(seriesPolls * 2), chart.getAttribute("data-dots-drawn"));
        assertEquals("2", chart.getAttribute("data-bands"));
        assertTrue(chart.isDisplayed(), "the interactive chart replaces the server SVG");
        assertTrue(!browser.findElement(By.id("trend-svg")).isDisplayed(), "the server SVG is hidden");
        // the band is painted: a pixel half-way between the estimate and the upper bound is not blank
        Number alpha = (Number) js("""
                const u = window.pollwatchTrend.chart;
                const i = Math.floor(u.data[0].length / 2);
                const x = u.valToPos(u.data[0][i], 'x', true);
                const y = u.valToPos((u.data[1][i] + u.data[2][i]) / 2, 'y', true);
                return u.ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data[3];""");
        assertTrue(alpha.intValue() > 0, "band pixel alpha " + alpha);
        checkPage("series");
    }

    @Test
    void aPollPostedThroughTheApiAppearsOnTheOpenHomePageWithinTwoSeconds() {
        String pollster = newPollster();
        open("/?pollster=" + pollster);
        wait(WAIT).until(b -> "open".equals(b.findElement(By.tagName("html")).getAttribute("data-live")));
        assertTrue(
                browser.findElements(By.cssSelector("#latest-polls tbody tr")).isEmpty());
        browser.executeScript("window.notReloaded = true;");
        long id = submit(poll(pollster, null, "2021-04-01", "2021-04-02", null, "adults", 800, 47, 45));
        long posted = System.nanoTime();
        wait(Duration.ofSeconds(2))
                .until(b -> !b.findElements(By.cssSelector("#latest-polls tr[data-poll='" + id + "']"))
                        .isEmpty());
        long millis = (System.nanoTime() - posted) / 1_000_000;
        assertEquals(Boolean.TRUE, js("return window.notReloaded === true;"), "the page was not reloaded");
        assertTrue(millis < 2000, "appeared after " + millis + " ms");
        System.out.println("BrowserIT: poll " + id + " appeared on the open home page " + millis + " ms after POST");
        assertNoConsoleErrors("home (live)", List.of());
    }

    @Test
    void embedPagesReportTheirHeightToTheHostPage() throws IOException {
        for (String[] embed : new String[][] {
            {"embed-series", "/embed/series/" + seriesKey}, {"embed-poll", "/embed/polls/1/questions/1"}
        }) {
            open(embed[1]);
            checkPage(embed[0]);
            // a newsroom's page on another origin (127.0.0.1 against localhost) frames the embed
            String host = "<!DOCTYPE html><html lang=en><title>Newsroom article</title><body>"
                    + "<script>window.heights=[];addEventListener('message',e=>heights.push(e.data));</script>"
                    + "<script src='" + base + "/static/embed-resizer.js'></script>"
                    + "<iframe id=f title=embed src='" + base + embed[1]
                    + "' style='width:600px;height:100px' frameborder=0></iframe></body></html>";
            HttpServer newsroom = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            newsroom.createContext("/", exchange -> {
                byte[] page = host.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            newsroom.start();
            try {
                browser.get("http://127.0.0.1:" + newsroom.getAddress().getPort() + "/article");
                Object message = wait(WAIT).until(b -> {
                    Object last =
                            js("return window.heights.length ? window.heights[window.heights.length - 1] : null;");
                    return last;
                });
                @SuppressWarnings("unchecked")
                Map<String, Object> sizes =
                        (Map<String, Object>) ((Map<String, Object>) message).get("datawrapper-height");
                assertNotNull(sizes, "message " + message);
                Number height = (Number) sizes.get(embed[1].substring(1));
                assertNotNull(height, "message " + message);
                assertTrue(height.intValue() > 150, "reported height " + height);
                // the embed reports again when its layout settles (fonts, chart): the frame follows the latest
                String path = embed[1].substring(1);
                wait(WAIT)
                        .until(b -> Boolean.TRUE.equals(js(
                                "var m = window.heights[window.heights.length - 1];"
                                        + " var h = m && m['datawrapper-height'] && m['datawrapper-height'][arguments[0]];"
                                        + " return h !== undefined && document.getElementById('f').style.height === h + 'px';",
                                path)));
            } finally {
                newsroom.stop(0);
            }
        }
    }

    @Test
    void pollstersCornerShowsTheApiMessageNextToTheFieldThenPublishesReviseAndRetract() {
        String pollster = newPollster();
        String key = TestKeys.pollsterKey(pollster).key();
        open("/corner");
        checkPage("corner");

        browser.findElement(By.id("api-key")).sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        assertTrue(browser.findElement(By.id("key-status")).getText().contains(key.substring(key.length() - 4)));
        assertEquals(key, js("return sessionStorage.getItem('pollwatch.apiKey');"));

        browser.findElement(By.id("f-pollster")).sendKeys(pollster);
        setDate("f-fieldStart", "2021-05-01");
        setDate("f-fieldEnd", "2021-05-03");
        browser.findElement(By.id("f-country")).sendKeys("Israel"); // the wrong field
        browser.findElement(By.id("f-sampleSize")).sendKeys("1000");
        browser.findElement(By.id("f-populationDescription")).sendKeys("Israeli adults");
        WebElement question = browser.findElement(By.cssSelector("#questions .question"));
        question.findElement(By.cssSelector("textarea[data-field=wording]"))
                .sendKeys("What should be the main goal of the war?");
        List<WebElement> options = question.findElements(By.cssSelector(".option"));
        options.get(0).findElement(By.cssSelector("[data-field=label]")).sendKeys("Returning the hostages");
        options.get(0).findElement(By.cssSelector("[data-field=percentage]")).sendKeys("56");
        options.get(1).findElement(By.cssSelector("[data-field=label]")).sendKeys("Toppling Hamas");
        options.get(1).findElement(By.cssSelector("[data-field=percentage]")).sendKeys("33");
        question.findElement(By.cssSelector("button.add-option")).click();
        WebElement third = question.findElements(By.cssSelector(".option")).get(2);
        third.findElement(By.cssSelector("[data-field=label]")).sendKeys("Don't know");
        third.findElement(By.cssSelector("[data-field=percentage]")).sendKeys("11");

        browser.findElement(By.id("submit-button")).click();
        WebElement countryError = wait(WAIT).until(b -> {
            WebElement slot = b.findElement(By.id("e-country"));
            return slot.getText().isEmpty() ? null : slot;
        });
        // the message of the API's problem+json (PollDocument.country), next to the country field
        assertEquals("must be an ISO 3166-1 alpha-2 code such as IL or US", countryError.getText());
        WebElement country = browser.findElement(By.id("f-country"));
        assertEquals("true", country.getAttribute("aria-invalid"));
        assertEquals("e-country", country.getAttribute("aria-describedby"));
        assertTrue(browser.findElement(By.id("problem")).getText().contains("country"));
        screenshot("corner-error-light");

        country.clear();
        country.sendKeys("IL");
        browser.findElement(By.id("preview-button")).click();
        WebElement preview = wait(WAIT).until(b -> {
            List<WebElement> items = b.findElements(By.cssSelector("#preview li"));
            return items.isEmpty() ? null : items.get(0);
        });
        assertTrue(
                preview.getText().contains("'Returning the hostages' leads 'Toppling Hamas' by 23 points (56% vs 33%)"),
                preview.getText());
        assertTrue(browser.findElement(By.id("e-country")).getText().isEmpty(), "the fixed field's message is gone");
        assertEquals(
                0,
                given().queryParam("pollster", pollster)
                        .get("/polls")
                        .then()
                        .extract()
                        .jsonPath()
                        .getInt("total"),
                "a preview stores nothing");

        browser.findElement(By.id("submit-button")).click();
        WebElement status = wait(WAIT).until(b -> {
            WebElement s = b.findElement(By.id("submit-status"));
            return s.getText().startsWith("Stored: poll ") ? s : null;
        });
        long id = Long.parseLong(status.getText().replaceAll("^Stored: poll (\\d+).*$", "$1"));
        screenshot("corner-stored-light");

        // revise it from the list of the pollster's polls
        WebElement revise = wait(WAIT).until(b -> {
            List<WebElement> buttons =
                    b.findElements(By.cssSelector("#mine-table button[aria-label='Revise poll " + id + "']"));
            return buttons.isEmpty() ? null : buttons.get(0);
        });
        revise.click();
        wait(WAIT).until(b -> b.findElement(By.id("editing")).isDisplayed());
        WebElement share = browser.findElements(By.cssSelector("#questions .option [data-field=percentage]"))
                .get(0);
        assertEquals("56", share.getAttribute("value").replaceAll("\\.0$", ""));
        share.clear();
        share.sendKeys("55");
        browser.findElement(By.cssSelector("#questions .option:nth-child(3) [data-field=percentage]"))
                .clear();
        browser.findElement(By.cssSelector("#questions .option:nth-child(3) [data-field=percentage]"))
                .sendKeys("12");
        browser.findElement(By.id("revision-reason")).sendKeys("Corrected weighting");
        browser.findElement(By.id("submit-button")).click();
        wait(WAIT).until(b -> b.findElement(By.id("submit-status")).getText().startsWith("Revised: poll " + id));
        assertEquals(
                "revised",
                given().get("/polls/" + id).then().extract().jsonPath().getString("status"));
        assertEquals(
                55.0f,
                given().get("/polls/" + id).then().extract().jsonPath().getFloat("questions[0].options[0].percentage"));

        open("/?pollster=" + pollster);
        WebElement row = browser.findElement(By.cssSelector("#latest-polls tr[data-poll='" + id + "']"));
        assertTrue(row.getText().contains("Returning the hostages 55 % vs Toppling Hamas 33 %"), row.getText());

        // and retract it
        open("/corner");
        browser.findElement(By.id("mine-pollster")).sendKeys(pollster);
        browser.findElement(By.cssSelector("#mine-form button")).click();
        wait(WAIT)
                .until(b -> {
                    List<WebElement> buttons =
                            b.findElements(By.cssSelector("#mine-table button[aria-label='Retract poll " + id + "']"));
                    return buttons.isEmpty() ? null : buttons.get(0);
                })
                .click();
        browser.findElement(By.id("retract-reason")).sendKeys("Withdrawn by the pollster");
        browser.findElement(By.cssSelector("#retract-form button[type=submit]")).click();
        wait(WAIT).until(b -> b.findElement(By.id("mine-status")).getText().contains("retracted"));
        assertEquals(
                "retracted",
                given().get("/polls/" + id).then().extract().jsonPath().getString("status"));
        // the one error the console may show is the 400 of the first submission, which the page shows
        assertNoConsoleErrors("corner", List.of("status of 400"));
    }

    @Test
    void aCsvInTheColumnsOfGetPollsFillsTheCornersFormForSubmission() throws IOException {
        String csv = given().accept("text/csv")
                .queryParam("pollster", "israel-democracy-institute")
                .get("/polls")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Path file = SCREENSHOTS.resolve("idi-poll.csv").toAbsolutePath();
        Files.writeString(file, csv);
        String pollster = newPollster();
        String key = TestKeys.pollsterKey(pollster).key();
        open("/corner");
        browser.findElement(By.id("api-key")).sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        browser.findElement(By.id("csv-file")).sendKeys(file.toString());
        wait(WAIT).until(b -> b.findElement(By.id("csv-status")).getText().startsWith("Read 1 questions"));
        assertEquals(
                "israel-democracy-institute",
                browser.findElement(By.id("f-pollster")).getAttribute("value"));
        assertEquals(
                "What should be the main goal of the war?",
                browser.findElement(By.cssSelector("#questions textarea[data-field=wording]"))
                        .getAttribute("value"));
        List<String> labels = browser.findElements(By.cssSelector("#questions .option [data-field=label]")).stream()
                .map(e -> e.getAttribute("value"))
                .toList();
        assertEquals("Returning the hostages", labels.get(0));
        assertEquals("Toppling Hamas", labels.get(1));

        // a pollster key writes only its own pollster's polls: the API's 403 is shown, then its own slug passes
        browser.findElement(By.id("submit-button")).click();
        wait(WAIT).until(b -> b.findElement(By.id("problem")).isDisplayed());
        assertTrue(browser.findElement(By.id("problem-title")).getText().contains("403"));
        WebElement slug = browser.findElement(By.id("f-pollster"));
        slug.clear();
        slug.sendKeys(pollster);
        browser.findElement(By.id("submit-button")).click();
        WebElement status = wait(WAIT).until(b -> {
            WebElement s = b.findElement(By.id("submit-status"));
            return s.getText().startsWith("Stored: poll ") ? s : null;
        });
        long id = Long.parseLong(status.getText().replaceAll("^Stored: poll (\\d+).*$", "$1"));
        assertEquals(
                51.0f,
                given().get("/polls/" + id).then().extract().jsonPath().getFloat("questions[0].options[0].percentage"));
        assertNoConsoleErrors("corner (CSV)", List.of("status of 403"));
    }

    // --- the browser ------------------------------------------------------------------------------------

    private static ChromeDriver startChromium() {
        String chromium = env("POLLWATCH_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = env("POLLWATCH_CHROMEDRIVER", "/usr/bin/chromedriver");
        try {
            if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
                throw new IllegalStateException("no executable " + chromium + " and " + chromedriver
                        + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,1024",
                    "--lang=en-GB");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            // the driver is named: Selenium Manager never looks for, or downloads, a browser or driver
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(chromedriver))
                    .usingAnyFreePort()
                    .build();
            return new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            String why = "Chromium could not start: " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why + " (browser tests skipped; under CI=true they fail)");
            throw e;
        }
    }

    /** axe-core from npm: installed by `npm ci` in src/test/browser when it is not there yet. */
    private static Path locateAxe() throws IOException, InterruptedException {
        if (!Files.exists(AXE)) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(NPM_PROJECT.toFile())
                    .inheritIO()
                    .start();
            if (npm.waitFor() != 0 || !Files.exists(AXE)) {
                fail("axe-core is missing: run `npm ci` in " + NPM_PROJECT + " (npm ci exited " + npm.exitValue()
                        + ")");
            }
        }
        return AXE;
    }

    private void open(String path) {
        browser.manage().logs().get(LogType.BROWSER); // what earlier pages logged is theirs
        browser.get(base + path);
        wait(WAIT).until(b -> "complete".equals(js("return document.readyState;")));
    }

    private static WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private void setDate(String id, String value) {
        js(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                browser.findElement(By.id(id)),
                value);
    }

    private static void setColourScheme(String scheme) {
        browser.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** The page as loaded, then again in dark mode: no console error, no serious axe violation, screenshots. */
    private void checkPage(String name) {
        assertNoConsoleErrors(name, List.of());
        assertAccessible(name + " (light)");
        screenshot(name + "-light");
        setColourScheme("dark");
        browser.navigate().refresh();
        wait(WAIT).until(b -> "complete".equals(js("return document.readyState;")));
        assertEquals(Boolean.TRUE, js("return window.matchMedia('(prefers-color-scheme: dark)').matches;"));
        assertNoConsoleErrors(name + " (dark)", List.of());
        assertAccessible(name + " (dark)");
        screenshot(name + "-dark");
        setColourScheme("light");
    }

    private static void assertNoConsoleErrors(String page, List<String> expected) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && expected.stream().noneMatch(entry.getMessage()::contains)) {
                errors.add(entry.getMessage());
            }
        }
        assertTrue(errors.isEmpty(), page + ": console errors " + errors);
    }

    @SuppressWarnings("unchecked")
    private static void assertAccessible(String page) {
        js(axeSource);
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document)
                  .then((r) => done({passes: r.passes.length, violations: r.violations.map((v) => ({id: v.id,
                      impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || ''))}))}))
                  .catch((e) => done({passes: 0, violations: [{id: 'axe-error', impact: 'critical', help: String(e)}]}));""");
        List<Map<String, Object>> serious = ((List<Map<String, Object>>) result.get("violations"))
                .stream()
                        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                        .collect(Collectors.toList());
        assertTrue(serious.isEmpty(), page + ": serious or critical accessibility violations " + serious);
        // axe really looked at the page: rules were checked and passed
        assertTrue(((Number) result.get("passes")).intValue() > 10, page + ": axe passed " + result.get("passes"));
    }

    private static void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the screenshot " + name, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
