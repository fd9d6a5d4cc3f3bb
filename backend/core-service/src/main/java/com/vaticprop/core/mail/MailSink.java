package com.vaticprop.core.mail;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The development and test mail sender: messages stay in memory (the newest {@code capacity}, oldest dropped first)
 * and are read through {@code GET /admin/mail} or by tests. Nothing leaves the process. Each replica has its own sink.
 */
public final class MailSink implements MailSender {

    private final int capacity;
    private final Deque<MailMessage> messages = new ArrayDeque<>();

    public MailSink(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized void send(MailMessage message) {
        messages.addLast(message);
        while (messages.size() > capacity) {
            messages.removeFirst();
        }
    }

    /** Messages to this address (case-insensitive), newest first; every message when {@code to} is null. */
    public synchronized List<MailMessage> messagesTo(String to) {
        List<MailMessage> found = new ArrayList<>();
        messages.descendingIterator().forEachRemaining(m -> {
            if (to == null || m.to().toLowerCase(Locale.ROOT).equals(to.strip().toLowerCase(Locale.ROOT))) {
                found.add(m);
            }
        });
        return found;
    }
}
