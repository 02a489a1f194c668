package io.vigie.notification.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At startup, publishes the clients the directory held before it was published as ClientDirectoryChanged (an
 * upgrade from a version without the event), so that triage learns of them without anyone saving them again. Each is
 * published once, whatever the number of instances: see {@link ClientDirectory#publishUnpublished()}.
 */
@Component
class DirectoryPublication implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryPublication.class);

    private final ClientDirectory directory;

    DirectoryPublication(ClientDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        int published = directory.publishUnpublished();
        if (published > 0) {
            log.info("Published {} client(s) of the directory saved before it was published", published);
        }
    }
}
