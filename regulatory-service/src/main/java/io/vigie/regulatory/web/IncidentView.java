package io.vigie.regulatory.web;

import io.vigie.regulatory.obligation.RegimeDecision;
import io.vigie.regulatory.obligation.Stage;
import io.vigie.regulatory.regime.Regime;
import io.vigie.regulatory.report.Draft;
import io.vigie.regulatory.report.ReportView;

import java.time.Instant;
import java.util.List;

/** The incident page, one section per client: its decisions, its awareness time, its reports with their drafts. */
record IncidentView(List<ClientSection> clients) {

    record ClientSection(String clientId, Instant awareAt, List<DecisionRow> decisions, List<ReportPanel> reports) {
    }

    /** GDPR is decided with its own form (notify, high risk); NIS2 and DORA are confirmed or overridden. */
    record DecisionRow(RegimeDecision decision, String label) {

        static DecisionRow of(RegimeDecision decision) {
            String label = switch (decision.status()) {
                case PROPOSED -> "proposed";
                case APPLIES -> decision.regime() == Regime.GDPR ? "decided: notify" : "confirmed";
                case NOT_APPLIES -> decision.regime() == Regime.GDPR ? "decided: not notified" : "withdrawn";
            };
            return new DecisionRow(decision, label);
        }

        public boolean gdpr() {
            return decision.regime() == Regime.GDPR;
        }
    }

    /**
     * @param delayReasonAsked the deadline has passed: the submission must say why (GDPR Art. 33(1)); the service
     *                         decides again when it records it
     */
    record ReportPanel(ReportView report, DueBadge badge, Draft draft, boolean open, boolean phased,
                       boolean delayReasonAsked) {

        static ReportPanel of(ReportView report, DueBadge badge, Draft draft) {
            return new ReportPanel(report, badge, draft, report.submission() == null
                    && report.state() != Stage.State.WITHDRAWN, report.report().phasedReporting(),
                    report.state() == Stage.State.OVERDUE);
        }

        /** The fragment id of this report on the page, so a form's redirect lands back on it. */
        public String anchor() {
            return report.clientId() + "-" + report.report();
        }

        public boolean missing(String key) {
            return draft.missingKeys().contains(key);
        }
    }
}
