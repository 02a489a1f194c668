package io.vigie.triage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.vigie.test.architecture.VigieArchitecture;

@AnalyzeClasses(packages = "io.vigie.triage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule shouldFollowVigieLayering = VigieArchitecture.layering("io.vigie.triage");

    @ArchTest
    static final ArchRule shouldKeepTheWireFormatAtTheEdge = noClasses()
            .that().resideInAPackage("io.vigie.triage..")
            .and().haveSimpleNameNotEndingWith("Mapper")
            .and().haveSimpleNameNotEndingWith("Listener")
            .and().doNotHaveSimpleName("Triage")
            .should().dependOnClassesThat().resideInAPackage("io.vigie.events..")
            .because("generated Avro classes are mapped at the edge and never reach the domain (STYLE.md)");
}
