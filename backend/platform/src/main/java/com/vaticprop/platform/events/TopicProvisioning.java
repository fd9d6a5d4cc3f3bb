package com.vaticprop.platform.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidPartitionsException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provisions the catalogue's topics on a production cluster (AWS MSK), where services do not create topics with
 * their development defaults: every topic of {@link Topic} with the given partitions and replication, its retention
 * or compaction, and {@code min.insync.replicas}. Idempotent: a missing topic is created, an existing one gets its
 * configuration set to the catalogue's and its partitions raised (never lowered: that would re-key every
 * assessment). The Kubernetes Job in {@code deploy/kafka} runs it through the {@code provision-topics} command, so
 * the cluster's topics come from the same catalogue as the code — there is no second list to keep in step.
 */
public final class TopicProvisioning {

    /** What the provisioning should produce: partitions and replication per topic, and the in-sync minimum. */
    public record Settings(int partitions, short replication, int minInsyncReplicas) {
        public Settings {
            if (partitions < 1 || replication < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replication) {
                throw new IllegalArgumentException("need partitions >= 1, replication >= 1 and "
                        + "1 <= min.insync.replicas <= replication, got " + partitions + "/" + replication + "/"
                        + minInsyncReplicas);
            }
        }
    }

    /** What one run did, per topic name. */
    public record Report(List<String> created, List<String> updated, List<String> partitionsRaised) {
    }

    private TopicProvisioning() {
    }

    /** The catalogue as admin requests, each with {@code min.insync.replicas} beside its retention or compaction. */
    public static List<NewTopic> plan(Settings settings) {
        return TopicPlan.newTopics(settings.partitions(), settings.replication()).stream().map(t -> {
            Map<String, String> configs = new LinkedHashMap<>(t.configs());
            configs.put("min.insync.replicas", Integer.toString(settings.minInsyncReplicas()));
            return new NewTopic(t.name(), t.numPartitions(), t.replicationFactor()).configs(configs);
        }).toList();
    }

    private static final Pattern ALREADY_HAS = Pattern.compile("already has (\\d+) partition");

    /** The controller answers "Topic already has N partition(s)" when a metadata read was stale; N ≥ target is fine. */
    private static boolean alreadyEnough(Throwable cause, int partitions) {
        if (!(cause instanceof InvalidPartitionsException) || cause.getMessage() == null) {
            return false;
        }
        Matcher m = ALREADY_HAS.matcher(cause.getMessage());
        return m.find() && Integer.parseInt(m.group(1)) >= partitions;
    }

    public static Report provision(Admin admin, Settings settings) throws Exception {
        List<NewTopic> plan = plan(settings);
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = plan.stream().filter(t -> !existing.contains(t.name())).toList();
        List<NewTopic> present = plan.stream().filter(t -> existing.contains(t.name())).toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        }
        List<String> raised = new ArrayList<>();
        if (!present.isEmpty()) {
            Map<ConfigResource, Collection<AlterConfigOp>> alter = new HashMap<>();
            for (NewTopic t : present) {
                alter.put(new ConfigResource(ConfigResource.Type.TOPIC, t.name()), t.configs().entrySet().stream()
                        .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                        .toList());
            }
            admin.incrementalAlterConfigs(alter).all().get(60, TimeUnit.SECONDS);
            Map<String, TopicDescription> described = admin.describeTopics(
                    present.stream().map(NewTopic::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<String, NewPartitions> increase = new HashMap<>();
            described.forEach((name, d) -> {
                if (d.partitions().size() < settings.partitions()) {
                    increase.put(name, NewPartitions.increaseTo(settings.partitions()));
                    raised.add(name);
                }
            });
            for (var result : admin.createPartitions(increase).values().entrySet()) {
                try {
                    result.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!alreadyEnough(e.getCause(), settings.partitions())) {
                        throw e;
                    }
                    raised.remove(result.getKey()); // a stale metadata read: the controller already had them
                }
            }
        }
        return new Report(missing.stream().map(NewTopic::name).toList(),
                present.stream().map(NewTopic::name).toList(), List.copyOf(raised));
    }
}
