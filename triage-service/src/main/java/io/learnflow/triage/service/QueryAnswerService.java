package io.learnflow.triage.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.QueryProcessing;
import io.learnflow.model.QueryStatus;
import io.learnflow.model.ResponseOutcome;
import io.learnflow.model.ResponseReady;
import io.learnflow.triage.model.StudentQuery;
import io.learnflow.triage.repository.StudentQueryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What the specialists say about a query, recorded as what the student sees: that one has started on it, then its
 * answer. The first answer wins and later duplicates change nothing, with one exception: a real answer that arrives
 * after the re-drive gave the query up replaces that failure, because the student is better served by the answer and
 * the specialist has already reported the interaction to progress. The student then sees one state, completed.
 */
@ApplicationScoped
public class QueryAnswerService {

    private static final Logger LOG = Logger.getLogger(QueryAnswerService.class);

    private final StudentQueryRepository queries;
    private final QueryMetrics metrics;

    public QueryAnswerService(StudentQueryRepository queries, QueryMetrics metrics) {
        this.queries = queries;
        this.metrics = metrics;
    }

    @WithTransaction
    public Uni<Void> record(ResponseReady response) {
        return known(response.queryId(), response.studentId())
                .invoke(query -> {
                    boolean lateAnswer = query.status == QueryStatus.FAILED && query.answeredBy == null
                            && response.outcome() == ResponseOutcome.ANSWERED;
                    if (query.isFinished() && !lateAnswer) {
                        LOG.debugf("query %s is already %s; answer from %s ignored", query.id, query.status,
                                response.answeredBy());
                        return;
                    }
                    Instant now = Instant.now();
                    query.answeredBy = response.answeredBy();
                    query.updatedAt = now;
                    query.answeredAt = now;
                    if (response.outcome() == ResponseOutcome.ANSWERED) {
                        query.status = QueryStatus.COMPLETED;
                        query.answerType = response.responseType();
                        query.answerContent = response.content();
                        query.failureReason = null;
                    } else {
                        query.status = QueryStatus.FAILED;
                        query.failureReason = response.failureReason();
                    }
                    LOG.infof("query %s %s by %s%s", query.id, query.status, response.answeredBy(),
                            lateAnswer ? ", after the re-drive had given it up" : "");
                    metrics.finished(query);
                })
                .replaceWithVoid();
    }

    /**
     * A specialist has started on the query: pending or routed becomes processing, in one conditional update, so that
     * an answer stored at the same moment (on its own topic, by another consumer) is never overwritten.
     */
    @WithTransaction
    public Uni<Void> markProcessing(QueryProcessing processing) {
        return known(processing.queryId(), processing.studentId())
                .chain(query -> queries.markProcessing(query.id, Instant.now()))
                .invoke(moved -> LOG.debugf("query %s %s by %s (attempt %d)", processing.queryId(),
                        moved == 1 ? "is being processed" : "already has its answer; processing notice ignored",
                        processing.service(), processing.attempt()))
                .replaceWithVoid();
    }

    private Uni<StudentQuery> known(UUID queryId, UUID studentId) {
        return queries.findOwnedForUpdate(queryId, studentId)
                .onItem().ifNull().failWith(() -> new UnknownQueryException(queryId, studentId));
    }

    /** An event about a query triage does not know for that student: a record for the dead-letter topic. */
    public static class UnknownQueryException extends RuntimeException {
        UnknownQueryException(UUID queryId, UUID studentId) {
            super("no query " + queryId + " of student " + studentId);
        }
    }
}
