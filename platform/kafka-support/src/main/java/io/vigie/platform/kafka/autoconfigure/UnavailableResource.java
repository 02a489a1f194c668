package io.vigie.platform.kafka.autoconfigure;

import java.net.ConnectException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a listener failed because something it needs is unreachable (its database, a connection pool that timed
 * out) rather than because of the record. Such a failure says nothing about the record, so dead-lettering it would
 * lose a good event; it is retried until the resource answers.
 */
final class UnavailableResource {

    private static final Set<Class<? extends Throwable>> UNAVAILABLE = Set.of(
            DataAccessResourceFailureException.class, // includes "cannot get a JDBC connection"
            TransientDataAccessException.class,
            CannotCreateTransactionException.class,
            SQLTransientException.class, // includes the pool's connection timeout
            SQLRecoverableException.class,
            ConnectException.class);

    private UnavailableResource() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> type : UNAVAILABLE) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
