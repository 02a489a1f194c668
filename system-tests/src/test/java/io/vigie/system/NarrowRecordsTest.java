package io.vigie.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.vigie.test.architecture.WideRecords;
import org.junit.jupiter.api.Test;

/** The load drivers and benchmarks keep their records narrow too, or say why not ({@link WideRecords}). */
class NarrowRecordsTest {

    @Test
    void everyWideRecordSaysWhy() {
        assertThat(WideRecords.withoutReason(Path.of("src/main/java"))).isEmpty();
    }
}
