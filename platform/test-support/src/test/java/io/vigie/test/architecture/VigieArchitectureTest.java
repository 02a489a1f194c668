package io.vigie.test.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The shared rules on a small made-up service: one feature keeps its SQL internal, another breaks both rules. */
class VigieArchitectureTest {

    private static final String SERVICE = "io.vigie.test.architecture.fixture";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(SERVICE);

    @Test
    void aFeatureMayUseItsOwnInternalPackageButNotAnothers() {
        EvaluationResult result = VigieArchitecture.internalsStayInTheirFeature(SERVICE).evaluate(CLASSES);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("billing.Invoices").contains("OrderRows"))
                .noneSatisfy(line -> assertThat(line).contains("orders.Orders"));
    }

    @Test
    void sqlOutsideAnInternalPackageIsReported() {
        EvaluationResult result = VigieArchitecture.sqlStaysInternal(SERVICE).evaluate(CLASSES);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("billing.Invoices").contains("JdbcTemplate"))
                .noneSatisfy(line -> assertThat(line).contains("OrderRows.<init>"));
    }
}
