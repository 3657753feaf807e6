package io.learnflow.stack.database;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;

import io.learnflow.stack.DatabaseBootstrap;

/**
 * {@code ./learnflow db stats}: rows per table of each schema, the database's size, the LLM cache of each schema that
 * has one, and the oldest query triage has not finished, as plain aligned text.
 */
public final class DatabaseStats {

    private final LearnFlowDatabase database;

    public DatabaseStats(LearnFlowDatabase database) {
        this.database = database;
    }

    public void print(PrintStream out, Instant now) {
        try (Connection admin = database.connectAdmin(); Statement sql = admin.createStatement()) {
            try (ResultSet size = sql.executeQuery(
                    "SELECT current_database(), pg_database_size(current_database()),"
                            + " pg_size_pretty(pg_database_size(current_database()))")) {
                size.next();
                out.printf("Database %s on %s:%d: %s (%d bytes)%n", size.getString(1), database.admin().host(),
                        database.admin().port(), size.getString(3), size.getLong(2));
            }
            out.println();
            out.printf("%-10s %-32s %12s%n", "schema", "table", "rows");
            for (String schema : DatabaseBootstrap.SERVICES) {
                var tables = LearnFlowTables.of(admin, schema).stream()
                        .sorted(Comparator.comparing(LearnFlowTables.Table::name)).toList();
                if (tables.isEmpty()) {
                    out.printf("%-10s %-32s %12s%n", schema, "(no tables: run ./learnflow db migrate)", "");
                }
                for (LearnFlowTables.Table table : tables) {
                    out.printf("%-10s %-32s %12d%n", schema, table.name(), count(sql, "SELECT count(*) FROM "
                            + table.qualified()));
                }
            }
            out.println();
            out.printf("%-10s %12s %12s%n", "llm_cache", "entries", "hits");
            for (String schema : DatabaseBootstrap.SERVICES) {
                if (SchemaMigration.tableExists(sql, schema, "llm_cache")) {
                    try (ResultSet cache = sql.executeQuery("SELECT count(*), coalesce(sum(hit_count), 0) FROM "
                            + schema + ".llm_cache")) {
                        cache.next();
                        out.printf("%-10s %12d %12d%n", schema, cache.getLong(1), cache.getLong(2));
                    }
                }
            }
            out.println();
            printOldestUnfinished(out, sql, now);
        } catch (SQLException e) {
            throw new DatabaseCommandFailed("cannot read the statistics: " + e.getMessage(), e);
        }
    }

    private static void printOldestUnfinished(PrintStream out, Statement sql, Instant now) throws SQLException {
        if (!SchemaMigration.tableExists(sql, "triage", "student_query")) {
            out.println("Unfinished queries: triage.student_query does not exist yet");
            return;
        }
        long unfinished = count(sql, "SELECT count(*) FROM triage.student_query"
                + " WHERE status NOT IN ('COMPLETED', 'FAILED')");
        try (ResultSet oldest = sql.executeQuery("SELECT id, status, created_at FROM triage.student_query"
                + " WHERE status NOT IN ('COMPLETED', 'FAILED') ORDER BY created_at LIMIT 1")) {
            if (!oldest.next()) {
                out.println("Unfinished queries: none");
                return;
            }
            Instant created = oldest.getObject(3, OffsetDateTime.class).toInstant();
            out.printf("Unfinished queries: %d; the oldest %s (%s) since %s, %s ago%n", unfinished, oldest.getString(1),
                    oldest.getString(2), created, age(Duration.between(created, now)));
        }
    }

    private static String age(Duration age) {
        if (age.toDays() > 0) {
            return age.toDays() + " d " + age.toHoursPart() + " h";
        }
        if (age.toHours() > 0) {
            return age.toHours() + " h " + age.toMinutesPart() + " min";
        }
        return Math.max(0, age.toMinutes()) + " min " + Math.max(0, age.toSecondsPart()) + " s";
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
