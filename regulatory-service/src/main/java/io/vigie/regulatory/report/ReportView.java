package io.vigie.regulatory.report;

import io.vigie.regulatory.obligation.ReportKind;
import io.vigie.regulatory.obligation.Stage;
import io.vigie.regulatory.regime.Regime;

import java.time.Instant;
import java.util.List;

/** One report stage of one client as the API lists it. */
public record ReportView(String clientId, Regime regime, ReportKind report, String title, String rule, String authority,
                  Stage.State state, Instant dueAt, DraftStatus draft, Stage.Submission submission) {

    /** @param missing the mandatory elements still empty */
    public record DraftStatus(int version, List<String> missing) {
    }
}
