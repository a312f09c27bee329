package org.pollwatch.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The snapshot the clients are generated from (src/test/resources/openapi/pollwatch-api.json) is the
 * document the service serves: a contract change shows in the diff of the snapshot, and the clients
 * never lag behind. On a difference the served document is written to target/ to be copied over.
 */
@QuarkusTest
class ApiDocumentSnapshotTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/openapi/pollwatch-api.json");

    @Test
    void theClientsSnapshotIsTheServedDocument() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        JsonNode served = json.readTree(
                given().accept("application/json").get("/q/openapi").asString());
        JsonNode snapshot = json.readTree(Files.readString(SNAPSHOT));
        if (!served.equals(snapshot)) {
            Path current = Path.of("target", "pollwatch-api.json");
            Files.writeString(
                    current,
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(json.treeToValue(served, Object.class)));
            assertEquals(
                    snapshot.toPrettyString(),
                    served.toPrettyString(),
                    "the API document changed: cp " + current + " " + SNAPSHOT);
        }
    }
}
