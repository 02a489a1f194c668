package io.vigie.regulatory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.vigie.test.architecture.VigieArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.vigie.regulatory", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule shouldFollowVigieLayering = VigieArchitecture.layering("io.vigie.regulatory");

    @ArchTest
    static final ArchRule shouldKeepGeneratedEventsAtTheEdges = noClasses()
            .that().resideInAnyPackage("io.vigie.regulatory.report..", "io.vigie.regulatory.register..",
                    "io.vigie.regulatory.clock..")
            .should().dependOnClassesThat().resideInAPackage("io.vigie.events..")
            .because("the Avro classes are mapped at the edge (listeners, RegulatoryEvents) and never reach the domain");

    @ArchTest
    static final ArchRule shouldHaveOneOwnerOfTheRegulatoryRules = noClasses()
            .that().resideInAnyPackage("io.vigie.regulatory.incident..", "io.vigie.regulatory.regime..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vigie.regulatory.obligation..",
                    "io.vigie.regulatory.report..", "io.vigie.regulatory.clock..", "io.vigie.regulatory.register..")
            .because("the projection and the profiles are inputs: the obligation package alone owns the rules");

    @ArchTest
    static final ArchRule shouldServeThePagesThroughTheApisServices = noClasses()
            .that().resideInAPackage("io.vigie.regulatory.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "io.vigie.events..")
            .because("the pages call the services the API calls, so a rule is never copied into a page");
}
