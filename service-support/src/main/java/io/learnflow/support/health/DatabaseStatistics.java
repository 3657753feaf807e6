package io.learnflow.support.health;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The service's part of {@code ./learnflow db stats}, on {@code /q/health/group/statistics} (not in readiness, so
 * that probes never pay for it): rows per table of its own schema (PostgreSQL's live-row estimates), the database's
 * size, its LLM cache's entries and hit rate where it has one, and its oldest unfinished query where it keeps queries.
 * Down only when the database cannot be asked.
 */
@HealthGroup("statistics")
@ApplicationScoped
public class DatabaseStatistics implements AsyncHealthCheck {

    private static final String TABLES = "SELECT relname, n_live_tup FROM pg_stat_user_tables WHERE schemaname = $1 "
            + "AND relname NOT LIKE 'databasechangelog%' ORDER BY relname";
    private static final String LLM = "SELECT (SELECT count(*) FROM %1$s.llm_cache) AS entries, "
            + "count(*) FILTER (WHERE status = 'CACHED') AS hits, count(*) AS calls FROM %1$s.llm_request";
    private static final String UNFINISHED = "SELECT min(created_at) FROM %s.student_query "
            + "WHERE status IN ('PENDING', 'ROUTED', 'PROCESSING')";

    private final Pool database;
    private final String schema;

    public DatabaseStatistics(Pool database,
            @ConfigProperty(name = "quarkus.liquibase.default-schema-name") String schema) {
        this.database = database;
        this.schema = schema;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckResponseBuilder statistics = HealthCheckResponse.named("database statistics (" + schema + ")")
                .up().withData("schema", schema);
        return database.preparedQuery(TABLES).execute(Tuple.of(schema))
                .invoke(rows -> rows.forEach(row -> statistics.withData("rows " + row.getString("relname"),
                        row.getLong("n_live_tup"))))
                .chain(ignored -> database.query("SELECT pg_database_size(current_database())").execute())
                .invoke(rows -> statistics.withData("database bytes", rows.iterator().next().getLong(0)))
                .chain(ignored -> has("llm_request"))
                .chain(llm -> !llm ? Uni.createFrom().voidItem() : database.query(LLM.formatted(schema)).execute()
                        .invoke(rows -> llmCache(statistics, rows.iterator().next())).replaceWithVoid())
                .chain(() -> has("student_query"))
                .chain(queries -> !queries ? Uni.createFrom().voidItem()
                        : database.query(UNFINISHED.formatted(schema)).execute()
                                .invoke(rows -> oldestUnfinished(statistics, rows.iterator().next())).replaceWithVoid())
                .map(ignored -> statistics.build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("database statistics (" + schema
                        + ")").down().withData("error", String.valueOf(failure.getMessage())).build());
    }

    private Uni<Boolean> has(String table) {
        return database.preparedQuery("SELECT to_regclass($1) IS NOT NULL").execute(Tuple.of(schema + "." + table))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    private static void llmCache(HealthCheckResponseBuilder statistics, Row row) {
        long calls = row.getLong("calls");
        statistics.withData("llm cache entries", row.getLong("entries"))
                .withData("llm cache hit rate", calls == 0 ? "none yet"
                        : String.format("%.3f", (double) row.getLong("hits") / calls));
    }

    private static void oldestUnfinished(HealthCheckResponseBuilder statistics, Row row) {
        OffsetDateTime oldest = row.getOffsetDateTime(0);
        statistics.withData("oldest unfinished query", oldest == null ? "none"
                : oldest.toInstant() + " (" + Duration.between(oldest.toInstant(), Instant.now()).toSeconds()
                        + " s ago)");
    }
}
