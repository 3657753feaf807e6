package io.learnflow.progress.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.learnflow.progress.model.LearningEvent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class LearningEventRepository implements PanacheRepositoryBase<LearningEvent, UUID> {

    private final Pool client;
    private final String insertOnce;

    public LearningEventRepository(Pool client,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.client = client;
        this.insertOnce = "INSERT INTO " + schema + ".learning_event"
                + " (event_id, kind, student_id, query_id, query_type, rating, occurred_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING";
    }

    /**
     * Stores the event unless it, or an event of its kind for its query where a query has one, is stored already
     * (the primary key and {@code learning_event_once_per_query}): one statement on the reactive SQL client, with no
     * read before it and no Hibernate session, as the stream's consumers take one record at a time.
     *
     * @return whether it was stored
     */
    public Uni<Boolean> recordOnce(LearningEvent event) {
        Tuple args = Tuple.tuple().addUUID(event.eventId).addString(event.kind.name()).addUUID(event.studentId)
                .addUUID(event.queryId).addString(event.queryType == null ? null : event.queryType.name())
                .addInteger(event.rating).addValue(event.occurredAt.atOffset(ZoneOffset.UTC));
        return client.preparedQuery(insertOnce).execute(args).map(rows -> rows.rowCount() > 0);
    }

    public Uni<List<LearningEvent>> ofStudentsSince(Collection<UUID> students, Instant since) {
        if (students.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("studentId in ?1 and occurredAt >= ?2", Sort.ascending("occurredAt"), students, since);
    }
}
