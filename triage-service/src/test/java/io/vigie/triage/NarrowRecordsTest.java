package io.vigie.triage;

import io.vigie.test.architecture.WideRecords;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NarrowRecordsTest {

    @Test
    void shouldGroupEveryRecordOverTenFieldsOrSayWhyItStaysWide() {
        assertThat(WideRecords.withoutReason(Path.of("src/main/java"))).isEmpty();
    }
}
