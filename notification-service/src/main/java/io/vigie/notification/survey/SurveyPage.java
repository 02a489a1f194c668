package io.vigie.notification.survey;

import io.vigie.notification.wording.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The survey's HTML, in one language: every text from {@link SurveyWords}, every value escaped. The form works without
 * script (the pages allow none): radio buttons in fieldsets with their legend, labels tied to their inputs, each error
 * next to its question and announced, the answers given kept when the page comes back with an error.
 */
final class SurveyPage {

    static final String HANDLING = "handling";
    static final String COMMUNICATION = "communication";
    static final String QUESTIONS = "questionsAnswered";
    static final String COMMENT = "comment";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;"
            + "padding:0 1rem;line-height:1.5;color:#1d2733}fieldset{border:1px solid #c9d3de;margin:1rem 0;"
            + "padding:.5rem 1rem}legend{font-weight:600}.scale label{display:block;padding:.15rem 0}"
            + ".error{color:#b00020;font-weight:600}textarea{width:100%}button{font-size:1rem;padding:.5rem 1rem}";

    /** The form as the contact fills it in: the answers given so far and, for each invalid one, why. */
    record Form(String handling, String communication, String questionsAnswered, String comment,
                Map<String, String> errors) {

        static Form empty() {
            return new Form(null, null, null, null, Map.of());
        }
    }

    private final SurveyWords words;
    private final String language;

    SurveyPage(SurveyWords words, String language) {
        this.words = words;
        this.language = Languages.supports(language) ? language : SurveyWords.REFERENCE;
    }

    /** The language the page is written in: the contact's, or English for a language the survey does not have. */
    String language() {
        return language;
    }

    ResponseEntity<String> form(HttpStatus status, String incidentRef, String subject, String token, Form form) {
        StringBuilder body = new StringBuilder();
        if (subject != null) {
            body.append("<p><strong>").append(esc(subject)).append("</strong></p>");
        }
        body.append("<p>").append(text("intro")).append("</p>");
        if (!form.errors().isEmpty()) {
            body.append("<p class=\"error\" role=\"alert\">").append(text("notSent")).append("</p>");
        }
        body.append("<form method=\"post\" action=\"survey\">")
                .append("<input type=\"hidden\" name=\"t\" value=\"").append(esc(token)).append("\">");
        rating(body, HANDLING, form.handling(), form);
        rating(body, COMMUNICATION, form.communication(), form);
        body.append(fieldset(QUESTIONS, "questions", form)).append("<div class=\"scale\">")
                .append(radio(QUESTIONS, "yes", text("answerYes"), form.questionsAnswered()))
                .append(radio(QUESTIONS, "no", text("answerNo"), form.questionsAnswered()))
                .append("</div></fieldset>");
        String limit = String.valueOf(SurveyController.COMMENT_LIMIT);
        body.append("<p><label for=\"comment\">").append(text("comment")).append("</label><br>")
                .append(error(COMMENT, form))
                .append("<span id=\"comment-hint\">").append(esc(words.text(language, "commentHint",
                        Map.of("max", limit)))).append("</span><br>")
                .append("<textarea id=\"comment\" name=\"comment\" rows=\"6\" maxlength=\"").append(limit)
                .append("\" aria-describedby=\"comment-hint").append(form.errors().containsKey(COMMENT)
                        ? " comment-error\" aria-invalid=\"true" : "").append("\">")
                .append(esc(form.comment())).append("</textarea></p>")
                .append("<button type=\"submit\">").append(text("send")).append("</button></form>");
        return page(status, words.text(language, "title", Map.of("incident", incidentRef)), body.toString());
    }

    ResponseEntity<String> thanks(String name, String date, SurveyAnswer answer) {
        return page(HttpStatus.OK, text("thanksTitle"), "<p>" + esc(words.text(language, "thanks",
                Map.of("name", name, "date", date))) + "</p>" + recap(answer));
    }

    ResponseEntity<String> already(String date, SurveyAnswer answer) {
        return page(HttpStatus.OK, text("alreadyTitle"), "<p>" + esc(words.text(language, "already",
                Map.of("date", date))) + "</p>" + recap(answer));
    }

    ResponseEntity<String> expired(String date, String supportContact) {
        return page(HttpStatus.GONE, text("expiredTitle"), "<p>" + esc(words.text(language, "expired",
                Map.of("date", date, "supportContact", supportContact))) + "</p>");
    }

    /**
     * A page for a link that leads to nobody known (altered, or its notice gone): whose language it would be is not
     * known either, so it says the same in each language, each part marked with its own.
     */
    static ResponseEntity<String> refused(SurveyWords words, HttpStatus status, String titleKey, String textKey) {
        StringBuilder title = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String language : Languages.supported()) {
            title.append(title.isEmpty() ? "" : " / ").append(words.text(language, titleKey));
            body.append("<p lang=\"").append(language).append("\">").append(esc(words.text(language, textKey)))
                    .append("</p>");
        }
        return render(status, null, title.toString(), body.toString());
    }

    private void rating(StringBuilder body, String field, String chosen, Form form) {
        body.append(fieldset(field, field, form)).append("<p id=\"").append(field).append("-hint\">")
                .append(text("scaleHint")).append("</p><div class=\"scale\">");
        for (int grade = 1; grade <= 5; grade++) {
            body.append(radio(field, String.valueOf(grade), grade + " – " + esc(words.rating(language, grade)),
                    chosen));
        }
        body.append("</div></fieldset>");
    }

    private String fieldset(String field, String legendKey, Form form) {
        String describedBy = (field.equals(QUESTIONS) ? "" : field + "-hint ")
                + (form.errors().containsKey(field) ? field + "-error" : "");
        return "<fieldset" + (describedBy.isBlank() ? "" : " aria-describedby=\"" + describedBy.strip() + "\"")
                + "><legend>" + text(legendKey) + "</legend>" + error(field, form);
    }

    private String error(String field, Form form) {
        String key = form.errors().get(field);
        return key == null ? "" : "<p class=\"error\" id=\"" + field + "-error\">" + esc(words.text(language, key,
                Map.of("max", String.valueOf(SurveyController.COMMENT_LIMIT)))) + "</p>";
    }

    private static String radio(String field, String value, String label, String chosen) {
        String id = field + "-" + value;
        return "<label for=\"" + id + "\"><input type=\"radio\" id=\"" + id + "\" name=\"" + field + "\" value=\""
                + value + "\" required" + (value.equals(chosen) ? " checked" : "") + "> " + label + "</label>";
    }

    private String recap(SurveyAnswer answer) {
        String comment = answer.comment() == null ? text("noComment") : esc(answer.comment());
        return "<h2>" + text("yourAnswers") + "</h2><dl>"
                + "<dt>" + text("handling") + "</dt><dd>" + answer.handlingRating() + " – "
                + esc(words.rating(language, answer.handlingRating())) + "</dd>"
                + "<dt>" + text("communication") + "</dt><dd>" + answer.communicationRating() + " – "
                + esc(words.rating(language, answer.communicationRating())) + "</dd>"
                + "<dt>" + text("questions") + "</dt><dd>" + text(answer.questionsAnswered() ? "answerYes" : "answerNo")
                + "</dd><dt>" + text("comment") + "</dt><dd style=\"white-space:pre-wrap\">" + comment + "</dd></dl>";
    }

    private String text(String key) {
        return esc(words.text(language, key));
    }

    private ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return render(status, language, title, body);
    }

    private static ResponseEntity<String> render(HttpStatus status, String language, String title, String body) {
        String html = "<!DOCTYPE html><html" + (language == null ? "" : " lang=\"" + language + "\"") + "><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + esc(title) + "</title><style>" + STYLE
                + "</style></head><body><main><h1>" + esc(title) + "</h1>" + body + "</main></body></html>";
        return ResponseEntity.status(status).header("Cache-Control", "no-store")
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    private static String esc(String value) {
        // Only the characters that matter to HTML: accented letters stay readable in the source.
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
