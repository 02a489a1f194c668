package io.vigie.test.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WideRecordsTest {

    private static final String ELEVEN = "String a, String b, String c, String d, String e, String f, String g, "
            + "String h, String i, String j, Map<String, List<String>> k";

    @Test
    void aRecordOfTenFieldsIsFine() {
        String source = "record Ten(int a, int b, int c, int d, int e, int f, int g, int h, int i, "
                + "List<Map<String, Integer>> j) {}";

        assertThat(WideRecords.withoutReason("Ten.java", source)).isEmpty();
    }

    @Test
    void aRecordOfElevenFieldsNeedsAReason() {
        String source = "package x;\n\n/** A row. */\npublic record Row(" + ELEVEN + ") {\n}\n";

        assertThat(WideRecords.withoutReason("Row.java", source))
                .containsExactly("Row.java: Row has 11 fields and no \"Wide:\" reason in the comment above it");
    }

    @Test
    void theReasonIsReadFromTheCommentAboveEvenPastAnnotations() {
        String javadoc = "/**\n * A row.\n * Wide: the JSON body of GET /x, an API contract.\n */\n"
                + "@JsonInclude(NON_NULL)\npublic record Row(" + ELEVEN + ") {}";
        String lineComment = "    // Wide: one column per field of the CSV export.\n    record Line(" + ELEVEN + ") {}";

        assertThat(WideRecords.withoutReason("Row.java", javadoc)).isEmpty();
        assertThat(WideRecords.withoutReason("Line.java", lineComment)).isEmpty();
    }

    @Test
    void aReasonAboveAnotherDeclarationDoesNotCount() {
        String source = "// Wide: for the first one.\nrecord First(int a) {}\n\nrecord Second(" + ELEVEN + ") {}";

        assertThat(WideRecords.withoutReason("Two.java", source)).hasSize(1);
    }
}
