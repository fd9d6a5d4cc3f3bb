package com.vaticprop.trading.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine judges paid assessments and must replay exactly: it may depend on the JDK's language, math, time and
 * collection packages only — no framework, no I/O, no clock, no randomness.
 */
class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.vaticprop.trading");

    @Test
    void dependsOnlyOnCoreJdkPackages() {
        classes().that().resideInAPackage("com.vaticprop.trading..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.vaticprop.trading..", "java.lang",
                        "java.lang.invoke", "java.lang.runtime", "java.math", "java.time", "java.time.format",
                        "java.time.temporal", "java.util", "java.util.function", "java.util.regex", "java.util.stream")
                .check(ENGINE);
    }

    @Test
    void usesNoIoNetworkDatabaseOrFramework() {
        noClasses().that().resideInAPackage("com.vaticprop.trading..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..", "java.nio..",
                        "java.sql..", "javax..", "jakarta..", "org.springframework..", "com.fasterxml..",
                        "tools.jackson..", "org.apache..", "java.util.concurrent..", "java.lang.reflect..")
                .check(ENGINE);
    }

    @Test
    void readsNoClockAndDrawsNoRandomNumbers() {
        noClasses().that().resideInAPackage("com.vaticprop.trading..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .orShould().dependOnClassesThat().areAssignableTo(Random.class)
                .orShould().callMethod(Math.class, "random")
                .check(ENGINE);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.vaticprop.trading.(*)..").should().beFreeOfCycles().check(ENGINE);
    }
}
