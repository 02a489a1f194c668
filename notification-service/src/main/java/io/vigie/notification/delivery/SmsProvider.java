package io.vigie.notification.delivery;

/**
 * The SMS (and voice call) provider, outside Vigie. {@link HttpSmsProvider} talks to one over HTTP;
 * {@link LocalSmsSink} keeps messages in memory for local runs and tests.
 */
public interface SmsProvider {

    /**
     * @throws SmsRejectedException when the provider refuses the message for good (bad number, bad request)
     * @throws RuntimeException     when it may work later
     */
    void send(SmsMessage message);

    /** The provider refused the message; sending it again would not help. */
    class SmsRejectedException extends RuntimeException {
        public SmsRejectedException(String message) {
            super(message);
        }
    }
}
