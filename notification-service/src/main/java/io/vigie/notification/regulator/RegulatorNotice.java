package io.vigie.notification.regulator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The GDPR Article 33 notification of a personal-data breach as prepared for the DPO (nature of the breach,
 * categories and approximate numbers of people and records, DPO contact, likely consequences, measures taken or
 * proposed) with its 72-hour deadline and submission, and the Article 34 decision (tell the people concerned or not,
 * and why).
 */
record RegulatorNotice(UUID incidentId, Instant awareAt, Instant deadline, boolean overdue, String nature,
                       List<String> dataCategories, List<String> clientIds, Long approximatePeople,
                       Long approximateRecords, String dpoContact, String likelyConsequences, String measures,
                       Instant submittedAt, String submittedBy, String submissionReference,
                       Boolean art34NotifyDataSubjects, String art34Reason, String art34DecidedBy,
                       Instant art34DecidedAt) {
}
