package com.vaticprop.core.mail;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SMTP sender against a local server speaking the SMTP dialogue (RFC 5321: EHLO, MAIL FROM, RCPT TO, DATA,
 * QUIT), and which sender the configuration chooses.
 */
class SmtpMailSenderTest {

    /** A minimal SMTP server: accepts one message per connection and records the dialogue. */
    static final class LocalSmtp implements AutoCloseable {
        final ServerSocket server;
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Thread thread;

        LocalSmtp() throws Exception {
            server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            thread = Thread.ofVirtual().start(this::serve);
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket s = server.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                             StandardCharsets.UTF_8));
                     Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
                    reply(out, "220 localhost ESMTP test");
                    boolean data = false;
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                        if (data) {
                            if (line.equals(".")) {
                                data = false;
                                reply(out, "250 2.0.0 queued");
                            }
                            continue;
                        }
                        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                        switch (verb) {
                            case "EHLO", "HELO" -> reply(out, "250 localhost");
                            case "DATA" -> {
                                data = true;
                                reply(out, "354 end with .");
                            }
                            case "QUIT" -> {
                                reply(out, "221 bye");
                                return;
                            }
                            default -> reply(out, "250 ok");
                        }
                    }
                } catch (Exception e) {
                    // closed
                }
            }
        }

        private static void reply(Writer out, String line) throws Exception {
            out.write(line + "\r\n");
            out.flush();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(2000);
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(MailConfiguration.class)
            .withBean(java.time.Clock.class, java.time.Clock::systemUTC)
            .withBean(io.micrometer.core.instrument.MeterRegistry.class,
                    io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)
            .withConfiguration(AutoConfigurations.of());

    @Test
    void withSmtpHostTheMessageIsDeliveredOverSmtp() throws Exception {
        try (LocalSmtp smtp = new LocalSmtp()) {
            runner.withPropertyValues("SMTP_HOST=127.0.0.1", "SMTP_PORT=" + smtp.port(), "SMTP_STARTTLS=false",
                    "MAIL_FROM=Vatic Prop <no-reply@vaticprop.test>").run(context -> {
                MailSender sender = context.getBean(MailSender.class);
                assertThat(sender).isInstanceOf(SmtpMailSender.class);
                sender.send(new MailMessage("ann@example.com", "Reset your Vatic Prop password",
                        "open https://app/reset-password?token=abc", Instant.now()));
            });
            assertThat(smtp.lines).anyMatch(l -> l.toUpperCase().startsWith("MAIL FROM:<NO-REPLY@VATICPROP.TEST>"))
                    .anyMatch(l -> l.toUpperCase().startsWith("RCPT TO:<ANN@EXAMPLE.COM>"))
                    .contains("Subject: Reset your Vatic Prop password")
                    .anyMatch(l -> l.contains("reset-password?token=abc"));
        }
    }

    @Test
    void anUnreachableServerIsADeliveryFailure() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        runner.withPropertyValues("SMTP_HOST=127.0.0.1", "SMTP_PORT=" + closedPort, "SMTP_STARTTLS=false")
                .run(context -> assertThatThrownBy(() -> context.getBean(MailSender.class).send(new MailMessage(
                        "ann@example.com", "s", "b", Instant.now())))
                        .isInstanceOf(MailSender.MailDeliveryException.class));
    }

    @Test
    void withoutSmtpDevelopmentUsesTheSinkAndProductionRefusesToStart() {
        runner.withPropertyValues("vatic.app-env=development").run(context ->
                assertThat(context.getBean(MailSender.class)).isInstanceOf(MailSink.class));
        runner.withPropertyValues("vatic.app-env=production").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("SMTP_HOST"));
    }

    @Test
    void theSinkKeepsTheNewestMessagesNewestFirst() {
        MailSink sink = new MailSink(2);
        for (int i = 1; i <= 3; i++) {
            sink.send(new MailMessage(i == 2 ? "B@example.com" : "a@example.com", "m" + i, "", Instant.now()));
        }
        assertThat(sink.messagesTo(null)).extracting(MailMessage::subject).containsExactly("m3", "m2");
        assertThat(sink.messagesTo("b@EXAMPLE.com")).extracting(MailMessage::subject).containsExactly("m2");
    }
}
