package com.vaticprop.core.mail;

import java.time.Instant;

/** One plain-text e-mail. {@code toString} names no address or body: messages carry tokens. */
public record MailMessage(String to, String subject, String body, Instant createdAt) {

    @Override
    public String toString() {
        return "MailMessage[subject=" + subject + "]";
    }
}
