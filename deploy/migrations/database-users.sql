-- Database users for production (CockroachDB Cloud; the statements are also valid PostgreSQL).
-- Run once, as an admin (`cockroach sql --url "$ADMIN_URL" -f deploy/migrations/database-users.sql`),
-- after replacing the passwords (or use certificate / IAM auth and drop the PASSWORD clauses).
--
-- Per schema-owning service two users:
--   <schema>_migrator  owns the schema and runs the pre-deploy `migrate` Job (DDL);
--   <schema>_app       is what the application pods use: data only (SELECT/INSERT/UPDATE/DELETE, sequences),
--                      no CREATE, no ALTER, no DROP — a compromised pod cannot change the schema.
-- The pods run with VATIC_DATABASE_MIGRATE_ON_START=false: they validate the schema against their migrations and
-- never try DDL. DeploymentTests.applicationUserHasNoDdlRights runs this file against PostgreSQL and proves it.

-- nobody but the migrators creates objects (the default on PostgreSQL 15+, explicit for older ones)
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- core-service
CREATE USER core_migrator WITH LOGIN PASSWORD 'change-me-core-migrator';
CREATE USER core_app WITH LOGIN PASSWORD 'change-me-core-app';
CREATE SCHEMA IF NOT EXISTS core AUTHORIZATION core_migrator;
GRANT USAGE ON SCHEMA core TO core_app;
ALTER DEFAULT PRIVILEGES FOR ROLE core_migrator IN SCHEMA core GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO core_app;
ALTER DEFAULT PRIVILEGES FOR ROLE core_migrator IN SCHEMA core GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO core_app;

-- monte-carlo-service
CREATE USER montecarlo_migrator WITH LOGIN PASSWORD 'change-me-montecarlo-migrator';
CREATE USER montecarlo_app WITH LOGIN PASSWORD 'change-me-montecarlo-app';
CREATE SCHEMA IF NOT EXISTS montecarlo AUTHORIZATION montecarlo_migrator;
GRANT USAGE ON SCHEMA montecarlo TO montecarlo_app;
ALTER DEFAULT PRIVILEGES FOR ROLE montecarlo_migrator IN SCHEMA montecarlo GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO montecarlo_app;
ALTER DEFAULT PRIVILEGES FOR ROLE montecarlo_migrator IN SCHEMA montecarlo GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO montecarlo_app;

-- report-service
CREATE USER report_migrator WITH LOGIN PASSWORD 'change-me-report-migrator';
CREATE USER report_app WITH LOGIN PASSWORD 'change-me-report-app';
CREATE SCHEMA IF NOT EXISTS report AUTHORIZATION report_migrator;
GRANT USAGE ON SCHEMA report TO report_app;
ALTER DEFAULT PRIVILEGES FOR ROLE report_migrator IN SCHEMA report GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO report_app;
ALTER DEFAULT PRIVILEGES FOR ROLE report_migrator IN SCHEMA report GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO report_app;
