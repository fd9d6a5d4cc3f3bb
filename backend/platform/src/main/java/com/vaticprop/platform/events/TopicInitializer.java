package com.vaticprop.platform.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.vaticprop.platform.boot.RetryInBackground;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Creates the catalogue's missing topics at start-up. It runs in the background and retries with capped exponential
 * backoff, so a service whose broker is not up yet still starts (and reports not-ready) instead of crashing.
 */
public final class TopicInitializer extends RetryInBackground {

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);

    private final Supplier<Admin> admin;
    private final List<NewTopic> plan;

    public TopicInitializer(Supplier<Admin> admin, int partitions, short replication) {
        super("topic-initializer");
        this.admin = admin;
        this.plan = TopicPlan.newTopics(partitions, replication);
    }

    /** True once every catalogue topic is known to exist. */
    public boolean topicsReady() {
        return done();
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
        markDone();
        return missing.size();
    }

    @Override
    protected void attempt() throws Exception {
        int created = ensureTopics();
        log.info("Kafka topics ready ({} created, {} in catalogue)", created, plan.size());
    }

    @Override
    protected String waitingFor() {
        return "Kafka unreachable, topics not ensured yet";
    }
}
