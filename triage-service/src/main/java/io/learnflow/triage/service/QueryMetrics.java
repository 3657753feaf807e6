package io.learnflow.triage.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.model.QueryStatus;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;
import io.learnflow.triage.model.StudentQuery;
import io.learnflow.triage.repository.QueryStatusStatements.FinishedQuery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** What operators watch of the queries on {@code /q/metrics}: how many come, how they end, and how long they take. */
@ApplicationScoped
public class QueryMetrics {

    private final MeterRegistry registry;
    private final Counter redriven;

    public QueryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.redriven = Counter.builder("learnflow.queries.redriven")
                .description("Deliveries of queries again by the re-drive job").register(registry);
    }

    /** A query was accepted (202); one triage answered at once is finished as well. */
    public void accepted(StudentQuery query) {
        Counter.builder("learnflow.queries.accepted").description("Queries accepted (202)")
                .tag("type", query.queryType.json()).register(registry).increment();
        if (query.isFinished()) {
            finished(query);
        }
    }

    /** A query reached its final state: counted by type and outcome, and its time from POST to answer recorded. */
    public void finished(StudentQuery query) {
        finished(query.queryType, query.status, query.createdAt, query.answeredAt);
    }

    public void finished(FinishedQuery query) {
        finished(query.type(), query.status(), query.createdAt(), query.answeredAt());
    }

    private void finished(QueryType type, QueryStatus status, Instant createdAt, Instant answeredAt) {
        Counter.builder("learnflow.queries.finished").description("Queries that reached completed or failed")
                .tag("type", type.json()).tag("status", status.json())
                .register(registry).increment();
        if (answeredAt != null) {
            Timer.builder("learnflow.query.answer.time").description("Time from a query's POST to its answer")
                    .tag("type", type.json()).publishPercentileHistogram()
                    .register(registry).record(Duration.between(createdAt, answeredAt));
        }
    }

    /** A specialist handed a query back and triage routed it on to {@code to}. */
    public void handedBack(ServiceName from, QueryType to) {
        Counter.builder("learnflow.queries.handed.back").description("Queries a specialist handed back, routed again")
                .tag("from", from.json()).tag("to", to.json()).register(registry).increment();
    }

    public void redriven() {
        redriven.increment();
    }

    public void classified(String classifier, Duration took) {
        Timer.builder("learnflow.classification.time").description("Time to classify a student's message")
                .tag("classifier", classifier.startsWith("openai") ? "openai" : "embedded")
                .publishPercentileHistogram().register(registry).record(took);
    }
}
