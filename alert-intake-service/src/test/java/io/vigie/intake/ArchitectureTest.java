package io.vigie.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.vigie.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule shouldDependOnNoOtherService = noClasses()
            .that().resideInAPackage("io.vigie.intake..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.vigie.triage..", "io.vigie.notification..", "io.vigie.cases..", "io.vigie.postmortem..", "io.vigie.localstack..")
            .because("services talk to each other only through the events in io.vigie.events (STYLE.md: nobody depends on a service)");
}
