package com.vaticprop.platform.events;

import com.vaticprop.platform.config.ServiceEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code <service>.jar provision-topics [partitions] [replication] [min.insync.replicas]}: creates or updates the
 * catalogue's topics on the cluster that KAFKA_BROKERS and the KAFKA_SECURITY_* variables name (MSK IAM or SCRAM),
 * exactly as the service itself would connect. Defaults: KAFKA_TOPIC_PARTITIONS / KAFKA_TOPIC_REPLICATION and
 * min.insync.replicas = replication − 1 (at least 1), i.e. 3 / 2 on a three-broker MSK cluster.
 */
public final class TopicsCommand {

    public static final String COMMAND = "provision-topics";

    private TopicsCommand() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && args[0].equals(COMMAND);
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, ServiceEnvironment env, PrintStream out, PrintStream err) {
        ServiceEnvironment.KafkaSettings kafka = env.kafka();
        TopicProvisioning.Settings settings;
        try {
            int partitions = args.length > 1 ? Integer.parseInt(args[1]) : kafka.topicPartitions();
            short replication = args.length > 2 ? Short.parseShort(args[2]) : kafka.topicReplication();
            int minInsync = args.length > 3 ? Integer.parseInt(args[3]) : Math.max(1, replication - 1);
            settings = new TopicProvisioning.Settings(partitions, replication, minInsync);
        } catch (IllegalArgumentException e) {
            err.println(COMMAND + ": " + e.getMessage()
                    + " (usage: provision-topics [partitions] [replication] [min.insync.replicas])");
            return 64;
        }
        Map<String, Object> config = new HashMap<>(kafka.securityProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.brokers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, kafka.clientId() + "-topics");
        try (Admin admin = Admin.create(config)) {
            TopicProvisioning.Report report = TopicProvisioning.provision(admin, settings);
            out.println("topics: " + report.created().size() + " created " + report.created() + ", "
                    + report.updated().size() + " updated, partitions raised on " + report.partitionsRaised()
                    + " (partitions " + settings.partitions() + ", replication " + settings.replication()
                    + ", min.insync.replicas " + settings.minInsyncReplicas() + ")");
            return 0;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            err.println(COMMAND + " failed: " + cause);
            return 1;
        }
    }
}
