package io.vigie.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.vigie.test.architecture.VigieArchitecture;

@AnalyzeClasses(packages = "io.vigie.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule shouldFollowVigieLayering = VigieArchitecture.layering("io.vigie.notification");
}
