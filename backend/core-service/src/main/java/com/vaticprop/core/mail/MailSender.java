package com.vaticprop.core.mail;

/**
 * Delivers an e-mail. Production sends over SMTP ({@link SmtpMailSender}); development and tests keep messages in the
 * {@link MailSink} instead, readable through {@code GET /admin/mail}. Callers go through {@link Mailer}, which sends in
 * the background so that a slow mail server neither holds a request nor reveals by its timing whether an address is
 * registered.
 */
public interface MailSender {

    /** Sends or stores the message; throws {@link MailDeliveryException} when it could not be handed over. */
    void send(MailMessage message);

    /** A message the mail server refused or could not be reached for. */
    final class MailDeliveryException extends RuntimeException {
        public MailDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
