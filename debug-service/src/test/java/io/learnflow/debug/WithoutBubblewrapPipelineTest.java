package io.learnflow.debug;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
import io.learnflow.model.ResponseOutcome;
import io.learnflow.model.ResponseReady;
import io.learnflow.model.RoutingDecision;
import io.learnflow.model.Topics;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LearnFlowStackResource;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The service on a machine without bubblewrap: it starts, answers from the traceback, and says it is degraded. */
@QuarkusTest
@TestProfile(WithoutBubblewrapPipelineTest.NoBubblewrap.class)
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "debug"))
class WithoutBubblewrapPipelineTest {

    public static class NoBubblewrap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("learnflow.debug.sandbox.bubblewrap", "/nonexistent/bwrap");
        }
    }

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    @Test
    void theQueryIsAnsweredFromItsTracebackAndNothingIsLost() {
        QueryRouted query = new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                "I get an error", "nums = [1, 2, 3]\nprint(nums[3])",
                "Traceback (most recent call last):\n  File \"a.py\", line 2, in <module>\n"
                        + "IndexError: list index out of range", null, null, null,
                new RoutingDecision(QueryType.DEBUG, 0.9, "reports an error", "rules-v1"), 1);
        kafka.send(Topics.QUERY_DEBUG, query.studentId().toString(), EventCodec.encode(query));

        List<ConsumerRecord<String, String>> answers = kafka.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), Duration.ofSeconds(30));
        assertThat(answers).hasSize(1);
        ResponseReady answer = EventCodec.decode(answers.get(0).value(), ResponseReady.class);
        assertThat(answer.outcome()).isEqualTo(ResponseOutcome.ANSWERED);
        assertThat(answer.content()).contains("I could not run your code this time").contains("IndexError")
                .contains("line 2").contains("print(nums[3])");
        assertThat(db.count("SELECT count(*) FROM debug.learning_response WHERE query_id = ?", query.queryId()))
                .isEqualTo(1);
    }

    @Test
    void readinessReportsTheSandboxAsDegraded() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'sandbox' }.data.sandbox", equalTo("degraded"));
    }
}
