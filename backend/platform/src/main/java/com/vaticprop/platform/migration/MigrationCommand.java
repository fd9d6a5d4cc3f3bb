package com.vaticprop.platform.migration;

import com.vaticprop.platform.config.DatabaseUrl;
import com.vaticprop.platform.config.ServiceEnvironment;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;

/**
 * {@code <service>.jar migrate | info | validate | dump-schema}: the original's {@code db:migrate}/{@code db:deploy}
 * (migrate), {@code db:pull} (dump-schema), plus info and validate; DATABASE_URL is read exactly as the service reads
 * it. There is no generate step: migrations are explicit SQL.
 */
public final class MigrationCommand {

    public static final List<String> COMMANDS = List.of("migrate", "info", "validate", "dump-schema");

    private MigrationCommand() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command; returns the process exit code. */
    public static int run(String command, ServiceEnvironment env, PrintStream out, PrintStream err) {
        String schema = env.kind().schema().orElse(null);
        if (schema == null) {
            err.println(env.kind().serviceName() + " owns no database schema");
            return 64;
        }
        DatabaseUrl url = env.database();
        Flyway flyway = Migrations.flyway(url.jdbcUrl(), url.username(), url.password(), schema);
        try {
            switch (command) {
                case "migrate" -> {
                    int applied = flyway.migrate().migrationsExecuted;
                    out.println("migrated schema " + schema + ": " + applied + " migration(s) applied");
                }
                case "info" -> {
                    for (MigrationInfo info : flyway.info().all()) {
                        out.printf("%-10s %-50s %s%n", info.getVersion(), info.getDescription(), info.getState());
                    }
                }
                case "validate" -> {
                    flyway.validate();
                    out.println("schema " + schema + " matches its migrations");
                }
                case "dump-schema" -> {
                    Properties props = new Properties();
                    if (url.username() != null) {
                        props.setProperty("user", url.username());
                    }
                    if (url.password() != null) {
                        props.setProperty("password", url.password());
                    }
                    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), props)) {
                        out.print(SchemaDump.dump(c, schema));
                    }
                }
                default -> {
                    err.println("unknown command " + command + "; use one of " + COMMANDS);
                    return 64;
                }
            }
            return 0;
        } catch (Exception e) {
            // Flyway's messages run over several lines (SQL state, error code ...): the first one says it all
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            err.println(command + " failed: " + message.lines().findFirst().orElse(message));
            return 1;
        }
    }
}
