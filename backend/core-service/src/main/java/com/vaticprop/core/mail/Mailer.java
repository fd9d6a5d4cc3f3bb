package com.vaticprop.core.mail;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends mail on a virtual thread, after the caller's transaction has committed (callers invoke it after
 * {@code Transactions.run} returns). Sending in the background keeps the answer of "send me a reset link" equally
 * fast for registered and unknown addresses. A failed delivery is logged (never the address or body) and counted in
 * {@code vatic_mail_total{outcome}}; the user can ask again.
 */
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MailSender sender;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public Mailer(MailSender sender, MeterRegistry meters, Clock clock) {
        this.sender = sender;
        this.meters = meters;
        this.clock = clock;
    }

    public void send(String to, String subject, String body) {
        MailMessage message = new MailMessage(to, subject, body, clock.instant());
        executor.execute(() -> {
            try {
                sender.send(message);
                meters.counter("vatic.mail", "outcome", "sent").increment();
            } catch (RuntimeException e) {
                meters.counter("vatic.mail", "outcome", "failed").increment();
                log.warn("mail '{}' not delivered: {}", subject, e.getMessage());
            }
        });
    }
}
