package io.learnflow.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.learnflow.model.Difficulty;
import io.learnflow.model.EventCodec;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
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

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "exercise"))
class ExercisePipelineTest {

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    ResponseReady ask(UUID studentId, String text, String code, LearningModule module) {
        QueryRouted query = new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), studentId, text, code,
                null, null, module, Difficulty.BEGINNER,
                new RoutingDecision(QueryType.EXERCISE, 0.8, "asks for practice", "rules-v1"), 1);
        kafka.send(Topics.QUERY_EXERCISE, studentId.toString(), EventCodec.encode(query));
        List<ConsumerRecord<String, String>> answers = kafka.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), Duration.ofSeconds(30));
        assertThat(answers).hasSize(1);
        return EventCodec.decode(answers.get(0).value(), ResponseReady.class);
    }

    @Test
    void bankIsLoadedWithEveryModule() {
        assertThat(db.count("SELECT count(*) FROM exercise.exercise")).isEqualTo(474);
        assertThat(db.count("SELECT count(DISTINCT module) FROM exercise.exercise")).isEqualTo(8);
    }

    @Test
    void handsOutANewExerciseOfTheModuleEachTimeWithoutItsSolution() {
        UUID student = UUID.randomUUID();
        ResponseReady first = ask(student, "Give me an exercise on strings please", null, null);
        ResponseReady second = ask(student, "another one", null, LearningModule.STRINGS);

        assertThat(first.exerciseId()).startsWith("mbpp-");
        assertThat(second.exerciseId()).startsWith("mbpp-").isNotEqualTo(first.exerciseId());
        assertThat(first.module()).isEqualTo(LearningModule.STRINGS);
        String solution = (String) db.rows("SELECT reference_solution FROM exercise.exercise WHERE id = ?",
                first.exerciseId()).get(0).get("reference_solution");
        assertThat(first.content()).contains("assert").doesNotContain(solution.strip());
        assertThat(db.count("SELECT count(*) FROM exercise.exercise_assignment WHERE student_id = ?", student))
                .isEqualTo(2);
    }

    @Test
    void submittedCodeGetsTheFullChecksOfTheLatestExercise() {
        UUID student = UUID.randomUUID();
        ResponseReady exercise = ask(student, "practice loops", null, null);
        ResponseReady checks = ask(student, "is my solution right?", "def f(x):\n    return x", null);

        assertThat(checks.exerciseId()).isEqualTo(exercise.exerciseId());
        assertThat(checks.content().split("assert ", -1)).hasSize(4);
    }
}
