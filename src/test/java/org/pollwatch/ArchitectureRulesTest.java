package org.pollwatch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.pollwatch.polls.Population;
import org.pollwatch.stats.LeakyStatistic;

/** The rules of {@link ArchitectureTest} fail on code that breaks them. */
class ArchitectureRulesTest {

    private final JavaClasses leaky = new ClassFileImporter().importClasses(LeakyStatistic.class, Population.class);

    @Test
    void statisticsThatImportAFeatureBreakThePlainJavaRule() {
        AssertionError failure =
                assertThrows(AssertionError.class, () -> ArchitectureTest.statsIsPlainJava.check(leaky));
        assertTrue(failure.getMessage().contains(LeakyStatistic.class.getName()), failure.getMessage());
    }

    @Test
    void statisticsThatImportAFeatureBreakTheLayering() {
        AssertionError failure = assertThrows(AssertionError.class, () -> ArchitectureTest.layers.check(leaky));
        assertTrue(
                failure.getMessage().contains(LeakyStatistic.class.getName() + ".populationCode()"),
                failure.getMessage());
    }
}
