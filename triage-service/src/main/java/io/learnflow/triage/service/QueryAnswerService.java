package io.learnflow.triage.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.QueryStatus;
import io.learnflow.model.ResponseOutcome;
import io.learnflow.model.ResponseReady;
import io.learnflow.triage.repository.StudentQueryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Records a specialist's answer as what the student sees; the first answer wins, later duplicates change nothing. */
@ApplicationScoped
public class QueryAnswerService {

    private static final Logger LOG = Logger.getLogger(QueryAnswerService.class);

    private final StudentQueryRepository queries;

    public QueryAnswerService(StudentQueryRepository queries) {
        this.queries = queries;
    }

    @WithTransaction
    public Uni<Void> record(ResponseReady response) {
        return queries.findOwned(response.queryId(), response.studentId())
                .onItem().ifNull().failWith(() -> new UnknownQueryException(response))
                .invoke(query -> {
                    if (query.isFinished()) {
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
                    } else {
                        query.status = QueryStatus.FAILED;
                        query.failureReason = response.failureReason();
                    }
                    LOG.infof("query %s %s by %s", query.id, query.status, response.answeredBy());
                })
                .replaceWithVoid();
    }

    /** An answer to a query triage does not know for that student: a record for the dead-letter topic. */
    public static class UnknownQueryException extends RuntimeException {
        UnknownQueryException(ResponseReady response) {
            super("no query " + response.queryId() + " of student " + response.studentId());
        }
    }
}
