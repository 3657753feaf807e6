package io.learnflow.triage.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.learnflow.model.QueryStatus;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;
import io.learnflow.triage.model.RoutingDelivery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The writes every routed query makes on its way, each one statement on the reactive SQL client: no Hibernate
 * session, no explicit transaction, one round trip. A statement is atomic on its own, so a conditional update needs
 * no lock taken beforehand.
 */
@ApplicationScoped
public class QueryStatusStatements {

    private final Pool client;
    private final String recordSent;
    private final String recordNotSent;
    private final String markProcessing;
    private final String exists;
    private final String recordAnswer;

    public QueryStatusStatements(Pool client,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.client = client;
        String queries = schema + ".student_query";
        String routings = schema + ".service_routing";
        this.recordSent = "WITH sent AS (UPDATE " + routings
                + " SET delivery = '" + RoutingDelivery.SENT + "', delivery_detail = NULL, delivered_at = $1"
                + " WHERE id = $2) UPDATE " + queries + " SET status = '" + QueryStatus.ROUTED + "', updated_at = $1"
                + " WHERE id = $3 AND status = '" + QueryStatus.PENDING + "'";
        this.recordNotSent = "UPDATE " + routings + " SET delivery = '" + RoutingDelivery.NOT_SENT + "',"
                + " delivery_detail = $1, delivered_at = $2 WHERE id = $3";
        this.markProcessing = "UPDATE " + queries + " SET status = '" + QueryStatus.PROCESSING + "', updated_at = $1"
                + " WHERE id = $2 AND student_id = $3 AND status IN ('" + QueryStatus.PENDING + "', '"
                + QueryStatus.ROUTED + "')";
        this.exists = "SELECT 1 FROM " + queries + " WHERE id = $1 AND student_id = $2";
        this.recordAnswer = "UPDATE " + queries + " AS q SET answered_by = $1, updated_at = $2, answered_at = $2,"
                + " status = $3, answer_type = $4, answer_content = $5, failure_reason = $6"
                + " FROM (SELECT id, status FROM " + queries + " WHERE id = $7 AND student_id = $8 FOR UPDATE) AS was"
                + " WHERE q.id = was.id AND q.handed_back_by IS DISTINCT FROM $1"
                + " AND (q.status NOT IN ('" + QueryStatus.COMPLETED + "', '" + QueryStatus.FAILED + "')"
                + " OR ($3 = '" + QueryStatus.COMPLETED + "' AND q.status = '" + QueryStatus.FAILED + "'"
                + " AND q.answered_by IS NULL))"
                + " RETURNING q.query_type, q.created_at, was.status AS was";
    }

    /** The delivery was published: the routing says so, and a pending query becomes routed. */
    public Uni<Void> recordSent(UUID routingId, UUID queryId, Instant at) {
        return client.preparedQuery(recordSent).execute(Tuple.of(timestamp(at), routingId, queryId)).replaceWithVoid();
    }

    /** The broker refused the delivery: the routing keeps why, for the re-drive job to try again. */
    public Uni<Void> recordNotSent(UUID routingId, String why, Instant at) {
        return client.preparedQuery(recordNotSent).execute(Tuple.of(why, timestamp(at), routingId)).replaceWithVoid();
    }

    /** Pending or routed becomes processing; 0 if the query has moved on (answered, failed) or is not the student's. */
    public Uni<Integer> markProcessing(UUID queryId, UUID studentId, Instant at) {
        return client.preparedQuery(markProcessing).execute(Tuple.of(timestamp(at), queryId, studentId))
                .map(rows -> rows.rowCount());
    }

    public Uni<Boolean> exists(UUID queryId, UUID studentId) {
        return client.preparedQuery(exists).execute(Tuple.of(queryId, studentId))
                .map(rows -> rows.iterator().hasNext());
    }

    /**
     * A specialist's answer or failure becomes the query's final state, unless the query is finished already (the
     * first answer wins) or that specialist handed it back. One exception: an answer replaces the failure the re-drive
     * gave the query when no specialist had answered. Null when nothing changed.
     */
    public Uni<FinishedQuery> recordAnswer(UUID queryId, UUID studentId, ServiceName by, QueryStatus status,
            String answerType, String answerContent, String failureReason, Instant at) {
        Tuple args = Tuple.tuple().addString(by.name()).addValue(timestamp(at)).addString(status.name())
                .addString(answerType).addString(answerContent).addString(failureReason)
                .addUUID(queryId).addUUID(studentId);
        return client.preparedQuery(recordAnswer).execute(args).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return null;
            }
            Row row = rows.iterator().next();
            return new FinishedQuery(QueryType.valueOf(row.getString("query_type")), status,
                    row.getOffsetDateTime("created_at").toInstant(), at,
                    QueryStatus.valueOf(row.getString("was")) == QueryStatus.FAILED);
        });
    }

    /** A query that has just reached its final state; {@code replacedFailure} when an answer replaced a failure. */
    public record FinishedQuery(QueryType type, QueryStatus status, Instant createdAt, Instant answeredAt,
            boolean replacedFailure) {
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
