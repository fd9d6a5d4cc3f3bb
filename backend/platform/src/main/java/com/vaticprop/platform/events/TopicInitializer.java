package com.vaticprop.platform.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Creates the catalogue's missing topics at start-up. It runs in the background and retries with capped exponential
 * backoff, so a service whose broker is not up yet still starts (and reports not-ready) instead of crashing.
 */
public final class TopicInitializer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);

    private final Supplier<Admin> admin;
    private final List<NewTopic> plan;
    private volatile boolean running;
    private volatile boolean done;
    private Thread worker;

    public TopicInitializer(Supplier<Admin> admin, int partitions, short replication) {
        this.admin = admin;
        this.plan = TopicPlan.newTopics(partitions, replication);
    }

    /** True once every catalogue topic is known to exist. */
    public boolean topicsReady() {
        return done;
    }

    /** One attempt: creates what is missing; returns how many topics it created. */
    public int ensureTopics() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        Admin client = admin.get();
        Set<String> existing = client.listTopics().names().get(5, TimeUnit.SECONDS);
        List<NewTopic> missing = plan.stream().filter(t -> !existing.contains(t.name())).toList();
        if (!missing.isEmpty()) {
            try {
                client.createTopics(missing).all().get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        done = true;
        return missing.size();
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofVirtual().name("topic-initializer").start(this::loop);
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(500);
        boolean warned = false;
        while (running && !done) {
            try {
                int created = ensureTopics();
                log.info("Kafka topics ready ({} created, {} in catalogue)", created, plan.size());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!warned) {
                    log.warn("Kafka unreachable, topics not ensured yet; retrying with backoff: {}", rootMessage(e));
                    warned = true;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
