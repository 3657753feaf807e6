package io.learnflow.stack.database;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.learnflow.stack.DatabaseBootstrap;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * {@code ./learnflow db migrate}: each service's role and schema where missing, then each service's changelog,
 * applied as its own role with Liquibase's tables in the service's schema, exactly as the service does at start-up
 * ({@code quarkus.liquibase.default-schema-name}), so that a service starting afterwards finds nothing left to do.
 *
 * <p>The changelogs are read from the checkout's resource folders rather than from the packaged services: a
 * changelog includes {@code db/...} files of specialist-support and llm-gateway by the same classpath-relative
 * paths, so the same paths (and so the same changeset identities and checksums) come out, and migrating needs no
 * service to be built first.
 */
public final class SchemaMigration {

    static final String CHANGELOG = "db/changelog.xml";
    private static final List<String> SHARED_RESOURCES = List.of("specialist-support", "llm-gateway");
    // held, because java.util.logging keeps loggers weakly and would forget the level
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    private final LearnFlowDatabase database;

    public SchemaMigration(LearnFlowDatabase database) {
        this.database = database;
    }

    public void migrate() {
        database.progress().println("Migrating " + database.admin().redacted());
        database.passwords().keep();
        try (Connection admin = database.connectAdmin()) {
            for (String change : DatabaseBootstrap.createMissingRolesAndSchemas(admin, database.passwords().all())) {
                database.progress().println("  " + change);
            }
        } catch (SQLException e) {
            throw new DatabaseCommandFailed("cannot create the service roles and schemas: " + e.getMessage(), e);
        }
        database.progress().println("  role passwords: " + database.passwords().file()
                + " (LEARNFLOW_<SERVICE>_DB_PASSWORD overrides)");
        for (String service : DatabaseBootstrap.SERVICES) {
            int before = appliedChangesetCount(service);
            apply(service);
            int after = appliedChangesetCount(service);
            database.progress().printf("  %-9s %d changesets applied, %d new%n", service, after, after - before);
        }
    }

    private void apply(String service) {
        try (Connection connection = database.connectAs(service)) {
            applyChangelog(connection, service, database.root());
        } catch (DatabaseCommandFailed e) {
            throw e;
        } catch (Exception e) {
            throw new DatabaseCommandFailed("migrating " + service + " failed: " + rootMessage(e), e);
        }
    }

    /**
     * Applies a service's changelog from the checkout at {@code root} over a connection acting as the service's role,
     * Liquibase's tables in the service's schema, as the service itself would at start-up: what {@code ./learnflow up}
     * does once for each service before starting them with {@code quarkus.liquibase.migrate-at-start=false}.
     */
    public static void applyChangelog(Connection connection, String service, Path root) throws Exception {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        Database liquibaseDatabase = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        liquibaseDatabase.setDefaultSchemaName(service);
        liquibaseDatabase.setLiquibaseSchemaName(service);
        ResourceAccessor changelogs = changelogs(service, root);
        Scope.child(Map.of(AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE,
                Scope.Attr.ui.name(), new LoggerUIService(),
                "liquibase.command.showSummary", UpdateSummaryEnum.OFF,
                "liquibase.command.showSummaryOutput", UpdateSummaryOutputEnum.LOG), () -> {
                    try (Liquibase liquibase = new Liquibase(CHANGELOG, changelogs, liquibaseDatabase)) {
                        liquibase.update(new Contexts(), new LabelExpression());
                    }
                });
    }

    private static ResourceAccessor changelogs(String service, Path root) {
        List<ResourceAccessor> folders = new ArrayList<>();
        folders.add(folder(root, service + "-service"));
        SHARED_RESOURCES.forEach(module -> folders.add(folder(root, module)));
        return new CompositeResourceAccessor(folders.toArray(ResourceAccessor[]::new));
    }

    private static ResourceAccessor folder(Path root, String module) {
        Path resources = root.resolve(module).resolve("src/main/resources");
        try {
            return new DirectoryResourceAccessor(resources);
        } catch (FileNotFoundException e) {
            throw new DatabaseCommandFailed("no changelogs at " + resources + ": run from a LearnFlow checkout", e);
        }
    }

    /** The ids of the changesets applied to a service's schema, in the order they ran; empty before the first run. */
    static List<String> appliedChangesets(Connection connection, String service) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            if (!tableExists(sql, service, "databasechangelog")) {
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT id FROM " + service
                    + ".databasechangelog ORDER BY orderexecuted")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private int appliedChangesetCount(String service) {
        try (Connection admin = database.connectAdmin()) {
            return appliedChangesets(admin, service).size();
        } catch (SQLException e) {
            throw new DatabaseCommandFailed("cannot read " + service + "'s applied changesets: " + e.getMessage(), e);
        }
    }

    static boolean tableExists(Statement sql, String schema, String table) throws SQLException {
        try (ResultSet rows = sql.executeQuery("SELECT 1 FROM pg_tables WHERE schemaname = '" + schema
                + "' AND tablename = '" + table + "'")) {
            return rows.next();
        }
    }

    public static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
