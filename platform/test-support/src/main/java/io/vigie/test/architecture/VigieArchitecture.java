package io.vigie.test.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering rules of STYLE.md and DESIGN.md, written once and checked by every service's {@code ArchitectureTest}:
 * <pre>
 * &#64;AnalyzeClasses(packages = "io.vigie.triage", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchRule shouldFollowVigieLayering = VigieArchitecture.layering("io.vigie.triage");
 * }
 * </pre>
 * and its {@code NarrowRecordsTest} checks {@link WideRecords#withoutReason} on {@code src/main/java}:
 * <pre>
 * assertThat(WideRecords.withoutReason(Path.of("src/main/java"))).isEmpty();
 * </pre>
 * A service adds its own rules beside them (where its Avro mappers live, which feature owns a rule).
 */
public final class VigieArchitecture {

    /** Every service's root package, and the local stack that runs them all: a new service is added here, once. */
    public static final List<String> SERVICES = List.of("io.vigie.intake", "io.vigie.triage", "io.vigie.notification",
            "io.vigie.cases", "io.vigie.postmortem", "io.vigie.regulatory", "io.vigie.localstack");

    private VigieArchitecture() {
    }

    /**
     * Every rule a service keeps, as one: {@link #dependsOnNoOtherService}, {@link #featuresFreeOfCycles},
     * {@link #internalsStayInTheirFeature} and {@link #sqlStaysInternal}. A failure names each rule broken.
     */
    public static ArchRule layering(String servicePackage) {
        return CompositeArchRule.of(dependsOnNoOtherService(servicePackage))
                .and(featuresFreeOfCycles(servicePackage))
                .and(internalsStayInTheirFeature(servicePackage))
                .and(sqlStaysInternal(servicePackage));
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

    /**
     * A feature's {@code internal} package (its SQL, its row mappers, the helpers only it needs) is reached from that
     * feature alone: {@code io.vigie.triage.policy.internal} from {@code io.vigie.triage.policy..}, never from
     * {@code io.vigie.triage.incident}. What other features may use is in the feature package itself.
     */
    public static ArchRule internalsStayInTheirFeature(String servicePackage) {
        return classes().that().resideInAPackage(servicePackage + "..")
                .should(new ArchCondition<JavaClass>("reach another feature's internal package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            int internal = target.indexOf(".internal");
                            if (internal < 0 || !target.startsWith(servicePackage + ".")) {
                                continue;
                            }
                            String feature = target.substring(0, internal);
                            String from = origin.getPackageName();
                            if (!from.equals(feature) && !from.startsWith(feature + ".")) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                }.as("stay out of other features' internal packages"))
                .because("a feature's internal package is its own business: other features use its public face "
                        + "(STYLE.md)");
    }

    /**
     * SQL is a feature's internal business: the classes that talk JDBC live in a feature's {@code internal}
     * package, so a controller or a listener reads as what it does, and a change of table touches one package.
     */
    public static ArchRule sqlStaysInternal(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .and().resideOutsideOfPackage("..internal..")
                .should().dependOnClassesThat(JDBC)
                .because("SQL lives in the feature's internal package, behind the feature's own methods (STYLE.md)");
    }

    private static final DescribedPredicate<JavaClass> JDBC = DescribedPredicate.describe("talk JDBC",
            target -> target.getPackageName().startsWith("org.springframework.jdbc")
                    || target.getPackageName().startsWith("java.sql"));
}
