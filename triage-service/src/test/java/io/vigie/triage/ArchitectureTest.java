package io.vigie.triage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.vigie.triage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule shouldDependOnNoOtherService = noClasses()
            .that().resideInAPackage("io.vigie.triage..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.vigie.intake..", "io.vigie.notification..", "io.vigie.cases..", "io.vigie.postmortem..", "io.vigie.localstack..")
            .because("services talk to each other only through the events in io.vigie.events (STYLE.md: nobody depends on a service)");

    @ArchTest
    static final ArchRule shouldKeepTheWireFormatAtTheEdge = noClasses()
            .that().resideInAPackage("io.vigie.triage..")
            .and().haveSimpleNameNotEndingWith("Mapper")
            .and().haveSimpleNameNotEndingWith("Listener")
            .and().doNotHaveSimpleName("Triage")
            .should().dependOnClassesThat().resideInAPackage("io.vigie.events..")
            .because("generated Avro classes are mapped at the edge and never reach the domain (STYLE.md)");
}
