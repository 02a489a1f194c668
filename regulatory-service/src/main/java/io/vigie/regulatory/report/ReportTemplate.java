package io.vigie.regulatory.report;

import io.vigie.regulatory.obligation.ReportKind;

import java.util.List;

/** The named elements of each report, and which of them the law makes mandatory. */
final class ReportTemplate {

    record ElementSpec(String key, boolean mandatory) {
    }

    private ReportTemplate() {
    }

    static List<ElementSpec> of(ReportKind kind) {
        return switch (kind) {
            // GDPR Art. 33(3): (a) nature, categories and approximate numbers of data subjects and of records;
            // (b) the DPO or other contact point; (c) likely consequences; (d) measures taken or proposed.
            case GDPR_AUTHORITY_NOTIFICATION -> mandatory("nature", "dataSubjectCategories", "approximateDataSubjects",
                    "recordCategories", "approximateRecords", "contactPoint", "likelyConsequences", "measures");
            // GDPR Art. 34(2): in clear and plain language, the nature and at least Art. 33(3)(b), (c) and (d).
            case GDPR_DATA_SUBJECTS -> mandatory("nature", "contactPoint", "likelyConsequences", "measures");
            // NIS2 Art. 23(4)(a): whether suspected unlawful or malicious, whether a cross-border impact is possible.
            case NIS2_EARLY_WARNING -> mandatory("suspectedMalicious", "crossBorderImpact");
            // NIS2 Art. 23(4)(b): initial assessment of severity and impact, indicators of compromise where available.
            case NIS2_INCIDENT_NOTIFICATION -> List.of(new ElementSpec("severityAndImpact", true),
                    new ElementSpec("indicatorsOfCompromise", false));
            // NIS2 Art. 23(4)(d)(i)-(iv).
            case NIS2_FINAL_REPORT -> mandatory("description", "severityAndImpact", "threatOrRootCause", "mitigation",
                    "crossBorderImpact");
            // DORA Art. 19(4) and its implementing standards: what happened and why it is major, then impact and
            // mitigation, then the root cause.
            case DORA_INITIAL_NOTIFICATION -> mandatory("description", "classificationCriteria");
            case DORA_INTERMEDIATE_REPORT -> List.of(new ElementSpec("description", true),
                    new ElementSpec("severityAndImpact", true), new ElementSpec("indicatorsOfCompromise", false),
                    new ElementSpec("mitigation", true));
            case DORA_FINAL_REPORT -> mandatory("description", "severityAndImpact", "threatOrRootCause", "mitigation");
        };
    }

    private static List<ElementSpec> mandatory(String... keys) {
        return java.util.Arrays.stream(keys).map(key -> new ElementSpec(key, true)).toList();
    }
}
