package io.vigie.test.architecture;

import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering rules of STYLE.md and DESIGN.md, written once and checked by every service's {@code ArchitectureTest}:
 * <pre>
 * &#64;AnalyzeClasses(packages = "io.vigie.triage", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchRule services = VigieArchitecture.dependsOnNoOtherService("io.vigie.triage");
 *     &#64;ArchTest
 *     static final ArchRule features = VigieArchitecture.featuresFreeOfCycles("io.vigie.triage");
 * }
 * </pre>
 * A service adds its own rules beside them (where its Avro mappers live, which feature owns a rule).
 */
public final class VigieArchitecture {

    /** Every service's root package, and the local stack that runs them all: a new service is added here, once. */
    public static final List<String> SERVICES = List.of("io.vigie.intake", "io.vigie.triage", "io.vigie.notification",
            "io.vigie.cases", "io.vigie.postmortem", "io.vigie.regulatory", "io.vigie.localstack");

    private VigieArchitecture() {
    }

    /** Services talk only through the events of {@code io.vigie.events}: none depends on another's classes. */
    public static ArchRule dependsOnNoOtherService(String servicePackage) {
        if (!SERVICES.contains(servicePackage)) {
            throw new IllegalArgumentException(servicePackage + " is not one of " + SERVICES);
        }
        String[] others = SERVICES.stream().filter(other -> !other.equals(servicePackage))
                .map(other -> other + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk to each other only through the events in io.vigie.events (STYLE.md: "
                        + "nobody depends on a service)");
    }

    /**
     * The feature packages of a service ({@code io.vigie.cases.incident}, {@code io.vigie.cases.sla}, …) depend on
     * each other in one direction only: a cycle means two features that can no longer change apart.
     */
    public static ArchRule featuresFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles()
                .because("a feature package is changed alone: dependencies between features go one way (STYLE.md)");
    }
}
