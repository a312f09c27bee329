package org.pollwatch.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests that {@code ./mvnw package} writes (quarkus-kubernetes, merged with
 * src/main/kubernetes/kubernetes.yml): a Deployment whose probes are the health endpoints, a Service,
 * an autoscaler and a disruption budget.
 */
class KubernetesManifestIT {

    private static final Path MANIFEST = Path.of("target", "kubernetes", "kubernetes.yml");

    @Test
    void deploymentProbesServiceAutoscalerAndDisruptionBudget() throws IOException {
        List<String> documents = Arrays.stream(Files.readString(MANIFEST).split("(?m)^---$"))
                .filter(document -> document.contains("kind:"))
                .collect(Collectors.toList());
        String deployment = only(documents, "Deployment");
        assertTrue(deployment.contains("path: /q/health/ready"), "readiness probe: " + deployment);
        assertTrue(deployment.contains("path: /q/health/live"), "liveness probe");
        assertTrue(deployment.contains("readinessProbe:") && deployment.contains("livenessProbe:"), deployment);
        assertTrue(deployment.contains("terminationGracePeriodSeconds: 40"), "grace period");
        assertTrue(deployment.contains("pollwatch/pollwatch:1.0.0"), "image");
        assertTrue(
                deployment.contains("secretRef:") && deployment.contains("name: pollwatch-db"),
                "database settings from the secret");
        String service = only(documents, "Service");
        assertTrue(service.contains("app.kubernetes.io/name: pollwatch"), service);
        String autoscaler = only(documents, "HorizontalPodAutoscaler");
        assertTrue(autoscaler.contains("name: pollwatch") && autoscaler.contains("averageUtilization: 70"), autoscaler);
        String budget = only(documents, "PodDisruptionBudget");
        assertTrue(budget.contains("maxUnavailable: 1"), budget);
    }

    private static String only(List<String> documents, String kind) {
        List<String> found = documents.stream()
                .filter(document -> document.lines().anyMatch(line -> line.equals("kind: " + kind)))
                .collect(Collectors.toList());
        assertEquals(1, found.size(), "one " + kind + " in " + MANIFEST);
        return found.get(0);
    }
}
