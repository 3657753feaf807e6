package io.learnflow.triage.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.learnflow.model.Difficulty;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryStatus;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;
import io.learnflow.triage.model.QueryView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The student's view of their queries, read with the reactive SQL client from the schema Hibernate is configured
 * with: it needs no Hibernate session, so event streams can read it from any thread. Every read is scoped by the
 * student.
 */
@ApplicationScoped
public class QueryViewRepository {

    private static final String COLUMNS = "id, session_id, query_text, module, difficulty, status, query_type,"
            + " confidence, routing_reason, classifier, answered_by, answer_type, answer_content, failure_reason,"
            + " feedback_rating, feedback_comment, attempts, created_at, answered_at";
    private static final String OWN = " WHERE student_id = $1";
    private static final String OWN_CONTAINING = OWN + " AND (query_text ILIKE $2 ESCAPE '\\'"
            + " OR code ILIKE $2 ESCAPE '\\' OR error_text ILIKE $2 ESCAPE '\\')";

    private final Pool client;
    private final String selectFrom;
    private final String countFrom;

    public QueryViewRepository(Pool client,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.client = client;
        String table = schema + ".student_query";
        this.selectFrom = "SELECT " + COLUMNS + " FROM " + table;
        this.countFrom = "SELECT count(*) FROM " + table;
    }

    public Uni<QueryView> find(UUID queryId, UUID studentId) {
        return client.preparedQuery(selectFrom + " WHERE id = $1 AND student_id = $2")
                .execute(Tuple.of(queryId, studentId))
                .map(rows -> rows.iterator().hasNext() ? toView(rows.iterator().next()) : null);
    }

    /** The student's queries, newest first; with a text, only those whose text, code or error text contains it. */
    public Uni<List<QueryView>> historyOf(UUID studentId, String text, int page, int size) {
        Tuple args = ownQueries(studentId, text);
        int limit = args.size() + 1;
        return client.preparedQuery(selectFrom + ownQueriesWhere(text)
                + " ORDER BY created_at DESC, id DESC LIMIT $" + limit + " OFFSET $" + (limit + 1))
                .execute(args.addInteger(size).addInteger(page * size))
                .map(rows -> {
                    List<QueryView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(toView(row)));
                    return views;
                });
    }

    public Uni<Long> countOf(UUID studentId, String text) {
        return client.preparedQuery(countFrom + ownQueriesWhere(text))
                .execute(ownQueries(studentId, text))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static String ownQueriesWhere(String text) {
        return text == null ? OWN : OWN_CONTAINING;
    }

    private static Tuple ownQueries(UUID studentId, String text) {
        return text == null ? Tuple.of(studentId) : Tuple.of(studentId, "%" + likeLiteral(text) + "%");
    }

    /** The text as a LIKE pattern that matches it literally: its backslashes, {@code %} and {@code _} escaped. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static QueryView toView(Row row) {
        String answeredBy = row.getString("answered_by");
        Integer rating = row.getInteger("feedback_rating");
        OffsetDateTime answeredAt = row.getOffsetDateTime("answered_at");
        return new QueryView(
                row.getUUID("id"),
                row.getUUID("session_id"),
                row.getString("query_text"),
                enumOrNull(LearningModule.class, row.getString("module")),
                enumOrNull(Difficulty.class, row.getString("difficulty")),
                QueryStatus.valueOf(row.getString("status")),
                new QueryView.Routing(QueryType.valueOf(row.getString("query_type")), row.getDouble("confidence"),
                        row.getString("routing_reason"), row.getString("classifier")),
                answeredBy == null ? null : new QueryView.Answer(ServiceName.valueOf(answeredBy),
                        row.getString("answer_type"), row.getString("answer_content")),
                row.getString("failure_reason"),
                rating == null ? null : new QueryView.Feedback(rating, row.getString("feedback_comment")),
                row.getInteger("attempts"),
                row.getOffsetDateTime("created_at").toInstant(),
                answeredAt == null ? null : answeredAt.toInstant());
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
