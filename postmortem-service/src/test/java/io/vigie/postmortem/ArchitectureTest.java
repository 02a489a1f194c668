package io.vigie.postmortem;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.vigie.test.architecture.VigieArchitecture;

@AnalyzeClasses(packages = "io.vigie.postmortem", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule shouldDependOnNoOtherService = VigieArchitecture.dependsOnNoOtherService("io.vigie.postmortem");

    @ArchTest
    static final ArchRule shouldKeepFeaturesFreeOfCycles = VigieArchitecture.featuresFreeOfCycles("io.vigie.postmortem");

    @ArchTest
    static final ArchRule shouldKeepEachInternalPackageToItsFeature =
            VigieArchitecture.internalsStayInTheirFeature("io.vigie.postmortem");

    @ArchTest
    static final ArchRule shouldKeepSqlInternal = VigieArchitecture.sqlStaysInternal("io.vigie.postmortem");
}
