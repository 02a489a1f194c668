package io.vigie.platform.security;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's own refusals as problem+json, like every other Vigie error, instead of its HTML page: a request Tomcat
 * rejects before any servlet runs (an encoded slash or a NUL in the path) never reaches Spring's error handling. No
 * path, no exception and no server version in the body: the path may carry a webhook's token.
 */
public final class ProblemJsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String title = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
        if (title == null || title.startsWith("http.")) {
            title = status >= 500 ? "Server error" : "Bad request";
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title.replace("\"", "'") + "\",\"status\":"
                        + status + ",\"detail\":\"The request was refused before it reached the service: check its "
                        + "URL (no encoded slash or control character) and headers.\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the response was already committed: nothing more to tell it.
        }
    }
}
