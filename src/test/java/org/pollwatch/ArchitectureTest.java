package org.pollwatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package structure, as rules: features depend one way (imports -> trends -> series -> polls ->
 * pollsters -> common / problems / stats; accounts -> pollsters), nothing depends on a feature above it, there is no cycle
 * between top-level packages, and the statistics are plain Java.
 */
@AnalyzeClasses(packages = "org.pollwatch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Application")
            .definedBy("org.pollwatch")
            .layer("Accounts")
            .definedBy("org.pollwatch.accounts..")
            .layer("Events")
            .definedBy("org.pollwatch.events..")
            .layer("Imports")
            .definedBy("org.pollwatch.imports..")
            .layer("Trends")
            .definedBy("org.pollwatch.trends..")
            .layer("Series")
            .definedBy("org.pollwatch.series..")
            .layer("Comparisons")
            .definedBy("org.pollwatch.comparisons..")
            .layer("Polls")
            .definedBy("org.pollwatch.polls..")
            .layer("Pollsters")
            .definedBy("org.pollwatch.pollsters..")
            .layer("Common")
            .definedBy("org.pollwatch.common..", "org.pollwatch.problems..")
            .layer("Stats")
            .definedBy("org.pollwatch.stats..")
            .layer("Local database")
            .definedBy("org.pollwatch.devdb..")
            .whereLayer("Application")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Accounts")
            .mayOnlyBeAccessedByLayers("Application")
            .whereLayer("Events")
            .mayOnlyBeAccessedByLayers("Application")
            .whereLayer("Imports")
            .mayOnlyBeAccessedByLayers("Application")
            .whereLayer("Trends")
            .mayOnlyBeAccessedByLayers("Application", "Imports")
            .whereLayer("Series")
            .mayOnlyBeAccessedByLayers("Application", "Events", "Imports", "Trends")
            .whereLayer("Comparisons")
            .mayOnlyBeAccessedByLayers("Application")
            .whereLayer("Polls")
            .mayOnlyBeAccessedByLayers("Application", "Imports", "Trends", "Series", "Comparisons")
            .whereLayer("Pollsters")
            .mayOnlyBeAccessedByLayers(
                    "Application", "Accounts", "Events", "Imports", "Trends", "Series", "Comparisons", "Polls")
            .whereLayer("Common")
            .mayOnlyBeAccessedByLayers(
                    "Application",
                    "Accounts",
                    "Events",
                    "Imports",
                    "Trends",
                    "Series",
                    "Comparisons",
                    "Polls",
                    "Pollsters")
            .whereLayer("Stats")
            .mayOnlyBeAccessedByLayers(
                    "Application",
                    "Accounts",
                    "Events",
                    "Imports",
                    "Trends",
                    "Series",
                    "Comparisons",
                    "Polls",
                    "Pollsters",
                    "Common")
            .whereLayer("Local database")
            .mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule noCycles =
            slices().matching("org.pollwatch.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule statsIsPlainJava = noClasses()
            .that()
            .resideInAPackage("org.pollwatch.stats..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("java..", "org.pollwatch.stats..")
            .because("the statistics are plain Java, testable without a framework");
}
