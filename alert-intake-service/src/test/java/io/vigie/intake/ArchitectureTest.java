package io.vigie.intake;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.vigie.test.architecture.VigieArchitecture;

@AnalyzeClasses(packages = "io.vigie.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule shouldFollowVigieLayering = VigieArchitecture.layering("io.vigie.intake");
}
