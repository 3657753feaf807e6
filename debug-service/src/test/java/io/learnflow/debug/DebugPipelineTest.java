package io.learnflow.debug;

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

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "debug"))
class DebugPipelineTest {

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    @Test
    void routedDebugRequestGetsAHintAboutItsTraceback() {
        QueryRouted query = new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                "I get an error", "ages = {'ana': 20}\nprint(ages['bo'])",
                "Traceback (most recent call last):\n  File \"a.py\", line 2, in <module>\nKeyError: 'bo'", null, null,
                null, new RoutingDecision(QueryType.DEBUG, 0.9, "reports an error", "rules-v1"), 1);
        kafka.send(Topics.QUERY_DEBUG, query.studentId().toString(), EventCodec.encode(query));

        List<ConsumerRecord<String, String>> answers = kafka.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), Duration.ofSeconds(30));
        assertThat(answers).hasSize(1);
        ResponseReady answer = EventCodec.decode(answers.get(0).value(), ResponseReady.class);
        assertThat(answer.answeredBy()).isEqualTo(ServiceName.DEBUG);
        assertThat(answer.content()).contains("KeyError").contains("line 2").contains("print(ages['bo'])");
        assertThat(db.rows("SELECT module, response_type FROM debug.learning_response WHERE query_id = ?",
                query.queryId())).singleElement()
                .satisfies(row -> assertThat(row.get("module")).isEqualTo("DICTIONARIES"));
        assertThat(kafka.find(Topics.INTERACTION, r -> r.value().contains(query.queryId().toString()),
                Duration.ofSeconds(30))).hasSize(1);
    }
}
