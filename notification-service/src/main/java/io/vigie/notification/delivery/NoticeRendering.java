package io.vigie.notification.delivery;

import io.vigie.notification.ack.AckLinks;
import io.vigie.notification.directory.Client;
import io.vigie.notification.directory.Contact;
import io.vigie.notification.directory.Contract;
import io.vigie.notification.notice.Notice;
import io.vigie.notification.notice.NoticeProperties;
import io.vigie.notification.notice.Stage;
import io.vigie.notification.status.StatusLinks;
import io.vigie.notification.survey.SurveyLinks;
import io.vigie.notification.template.NoticeContext;
import io.vigie.notification.template.RenderedNotice;
import io.vigie.notification.template.TemplateModel;
import io.vigie.notification.template.Templates;
import io.vigie.notification.wording.Phrases;
import io.vigie.notification.wording.SupportHours;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A notice as one contact reads it: the template of its stage and category in the contact's language, filled with the
 * notice's facts worded by the phrase catalogue, dates in the contact's time zone, the client's contract and the
 * contact's links (acknowledgement, question, agreement; the FOLLOW_UP's survey link is the contact's own). What the
 * channels send, and what a reviewer previews.
 */
@Component
class NoticeRendering {

    private final Templates templates;
    private final Phrases phrases;
    private final AckLinks links;
    private final NoticeProperties properties;
    private final SurveyLinks surveys;
    private final StatusLinks statusLinks;

    NoticeRendering(Templates templates, Phrases phrases, AckLinks links, NoticeProperties properties,
                    SurveyLinks surveys, StatusLinks statusLinks) {
        this.templates = templates;
        this.phrases = phrases;
        this.links = links;
        this.properties = properties;
        this.surveys = surveys;
        this.statusLinks = statusLinks;
    }

    /** The notice as it is sent: with the contact's status page link (its active one, else a new one). */
    RenderedNotice render(Notice notice, Optional<Client> client, String contactId, String contactName,
                          String language, String ackUrl) {
        return render(notice, client, contactId, contactName, language, ackUrl, true);
    }

    /** The notice as a reviewer previews it: links left out, and no status link issued for it. */
    RenderedNotice preview(Notice notice, Optional<Client> client, String contactId, String contactName,
                           String language) {
        return render(notice, client, contactId, contactName, language, "#", false);
    }

    private RenderedNotice render(Notice notice, Optional<Client> client, String contactId, String contactName,
                                  String language, String ackUrl, boolean withStatusLink) {
        Duration every = notice.stage() == Stage.INITIAL || notice.stage() == Stage.UPDATE
                ? properties.updateEvery(client.orElse(null), notice.severity()) : null;
        Contact contact = client.flatMap(c -> c.contacts().stream()
                .filter(candidate -> candidate.id().equals(contactId)).findFirst()).orElse(null);
        ZoneId zone = client.map(c -> c.zoneOf(contact, properties.zone())).orElse(properties.zone());
        Contract contract = client.map(Client::contract).orElse(Contract.NONE);
        String questionUrl = contact == null ? null : links.questionUrl(notice.id(), contactId);
        NoticeContext context = new NoticeContext(notice.incidentId(), notice.stage(), notice.sequence(),
                new NoticeContext.Reader(language, client.map(Client::name).orElse(notice.clientId()), contactName,
                        zone),
                new NoticeContext.Links(ackUrl,
                        notice.content().asksAgreement() ? links.agreementUrl(notice.id(), contactId) : null,
                        notice.stage() == Stage.FOLLOW_UP ? surveys.url(notice.id(), contactId) : null, questionUrl,
                        null),
                new NoticeContext.Support(properties.supportContact(), contract.supportLine(),
                        SupportHours.parse(contract.supportHours()).orElse(null), contract.offerCodes()),
                every);
        if (contact != null) {
            context = context.withStatusUrl(withStatusLink ? statusLinks.urlFor(notice.clientId(), contactId) : "#");
        }
        return templates.render(notice.category(), notice.stage(), language,
                TemplateModel.of(notice.content(), context, phrases.book(language)));
    }
}
