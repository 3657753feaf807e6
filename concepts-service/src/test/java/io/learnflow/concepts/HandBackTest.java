package io.learnflow.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
import io.learnflow.model.ResponseOutcome;
import io.learnflow.model.ResponseReady;
import io.learnflow.model.RoutingDecision;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LearnFlowStackResource;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The specialist pipeline hands back a query it cannot serve, once: a query already handed back is answered. */
@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "concepts"))
class HandBackTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TRACEBACK = """
            Traceback (most recent call last):
              File "main.py", line 2, in <module>
                print(totl)
            NameError: name 'totl' is not defined""";

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    @Test
    void codeWithATracebackIsHandedBackForDebuggingWithNothingStoredOrReported() {
        QueryRouted query = routed("what does this mean?", null);
        send(query);

        ResponseReady handBack = responseTo(query);
        assertThat(handBack.outcome()).isEqualTo(ResponseOutcome.HANDED_BACK);
        assertThat(handBack.answeredBy()).isEqualTo(ServiceName.CONCEPTS);
        assertThat(handBack.suggestedType()).isEqualTo(QueryType.DEBUG);
        assertThat(handBack.handBackReason()).contains("traceback");
        assertThat(db.count("SELECT count(*) FROM concepts.learning_response WHERE query_id = ?", query.queryId()))
                .isZero();
        assertThat(db.count("SELECT count(*) FROM concepts.interaction_history WHERE query_id = ?", query.queryId()))
                .isZero();
    }

    @Test
    void aQueryAlreadyHandedBackIsAnsweredWhereItLands() {
        QueryRouted query = routed("what does this mean?", ServiceName.DEBUG);
        send(query);

        ResponseReady answer = responseTo(query);
        assertThat(answer.outcome()).isEqualTo(ResponseOutcome.ANSWERED);
        assertThat(db.rows("SELECT outcome FROM concepts.learning_response WHERE query_id = ?", query.queryId()))
                .singleElement().satisfies(row -> assertThat(row.get("outcome")).isEqualTo("ANSWERED"));
    }

    private static QueryRouted routed(String text, ServiceName handedBackBy) {
        return new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), text,
                "total = 3\nprint(totl)", TRACEBACK, UUID.randomUUID(), null, null,
                new RoutingDecision(QueryType.CONCEPT, 0.6, "asks what", "embedded/test"), handedBackBy == null ? 1 : 2,
                null, null, null, null, handedBackBy);
    }

    private void send(QueryRouted query) {
        kafka.send(Topics.QUERY_CONCEPTS, query.studentId().toString(), EventCodec.encode(query));
    }

    private ResponseReady responseTo(QueryRouted query) {
        List<ConsumerRecord<String, String>> responses = kafka.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), WAIT);
        assertThat(responses).hasSize(1);
        return EventCodec.decode(responses.get(0).value(), ResponseReady.class);
    }
}
