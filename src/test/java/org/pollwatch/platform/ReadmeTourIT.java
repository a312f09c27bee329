package org.pollwatch.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pollwatch.testsupport.TestKeys;

/**
 * The README's tour, run as a reader would: every shell block of its section, in order, in one
 * bash, against the packaged service. Only the host, the key (the reader's comes from the dev-mode
 * log) and the pollster slug (fresh for each run) are put in; curl reports each status after its
 * answer, and every one must be 2xx.
 */
@QuarkusIntegrationTest
class ReadmeTourIT {

    private static final Pattern SHELL_BLOCK = Pattern.compile("```shell\n(.*?)```", Pattern.DOTALL);
    private static final Pattern STATUS = Pattern.compile("^HTTP (\\d{3})$", Pattern.MULTILINE);

    @Test
    void everyStepOfTheTourAnswersAsTheReadmeSays() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String tour = readme.substring(readme.indexOf("## A tour of the API"), readme.indexOf("### Endpoints"));
        List<String> blocks = new ArrayList<>();
        Matcher block = SHELL_BLOCK.matcher(tour);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertTrue(blocks.size() >= 5, "shell blocks found in the tour: " + blocks.size());
        String slug = "example-research-" + UUID.randomUUID().toString().substring(0, 8);
        String script = "set -euo pipefail\n"
                + "curl() { command curl -w '\\nHTTP %{http_code}\\n' \"$@\"; }\n"
                + String.join("\n", blocks)
                        .replace("localhost:8080", "127.0.0.1:" + RestAssured.port)
                        .replace("example-research", slug)
                        .lines()
                        .filter(line -> !line.startsWith("export KEY="))
                        .reduce("", (all, line) -> all + line + "\n");
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        bash.environment().put("KEY", TestKeys.ADMIN);
        Process run = bash.start();
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the tour did not finish in 120 s");
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.exitValue(), output);

        List<String> statuses = new ArrayList<>();
        Matcher status = STATUS.matcher(output);
        while (status.find()) {
            statuses.add(status.group(1));
        }
        // the $(...) captures print theirs into the variable, not the output: 9 requests show a status
        assertTrue(statuses.size() >= 8, "statuses seen: " + statuses + "\n" + output);
        assertTrue(statuses.stream().allMatch(code -> code.startsWith("2")), "statuses: " + statuses + "\n" + output);
        assertTrue(output.contains("\"pollster\":\"israel-democracy-institute\""), output);
        assertTrue(output.contains("\"verdict\":\"unknown_sample_size\""), output);
        assertTrue(output.contains("\"minimumSampleSizeForSignificance\":145"), output);
        Matcher ids = Pattern.compile("^poll (\\d+), question (\\d+)$", Pattern.MULTILINE)
                .matcher(output);
        assertTrue(ids.find(), "the tour names the new poll and question: " + output);
        assertTrue(output.contains("\"weighting\":\"age, sex, region\""), "the revision is stored: " + output);
        assertTrue(output.contains("\"status\":\"retracted\""), "the retraction is answered: " + output);
    }
}
