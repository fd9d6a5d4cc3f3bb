package com.vaticprop.platform.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Start-up work that needs a dependency (topics need Kafka, migrations need the database): tried in a background
 * thread with capped exponential backoff until it succeeds, so the service starts — live but not ready — while the
 * dependency is still down, and logs one line when it first fails rather than one per retry.
 *
 * <p>The worker is a platform thread, not a virtual one. At start-up it loads classes from the executable jar while
 * request threads (virtual, on a carrier pool as large as the CPU count) do the same; Spring Boot's nested-jar reader
 * serialises on one monitor. Seen in deployment-tests on a 2-CPU machine: the migrator held that monitor but, being
 * virtual, waited for a carrier, while both carriers were pinned by virtual threads blocked on the monitor inside
 * class loading — monte-carlo-service never became ready and did not answer at all. A platform thread holding the
 * monitor always gets to run, so the pinned threads are released.
 */
public abstract class RetryInBackground implements SmartLifecycle {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private volatile boolean running;
    private volatile boolean done;
    private Thread worker;

    protected RetryInBackground(String name) {
        this.name = name;
    }

    /** One try; throws while the dependency is not usable yet. */
    protected abstract void attempt() throws Exception;

    /** What is being waited for, for the single warning line. */
    protected abstract String waitingFor();

    /**
     * What must hold before an attempt makes sense (e.g. the schema is migrated); polled every 200 ms without
     * backoff and without a warning, because waiting for it is normal at start-up.
     */
    protected boolean preconditionMet() {
        return true;
    }

    /** The background worker (null before {@link #start()}). */
    Thread worker() {
        return worker;
    }

    /** True once an attempt has succeeded. */
    public boolean done() {
        return done;
    }

    /** For subclasses whose work can also succeed outside the loop (a direct call). */
    protected void markDone() {
        done = true;
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    private void loop() {
        Duration backoff = FIRST_BACKOFF;
        boolean warned = false;
        while (running && !done) {
            try {
                if (!preconditionMet()) {
                    Thread.sleep(200);
                    continue;
                }
                attempt();
                done = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!warned) {
                    log.warn("{}; retrying with backoff: {}", waitingFor(), rootMessage(e));
                    warned = true;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
            }
        }
    }

    public static String rootMessage(Throwable e) {
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
