package io.learnflow.exercise;

import static io.learnflow.exercise.Practice.DB;
import static io.learnflow.exercise.Practice.KAFKA;
import static io.learnflow.exercise.Practice.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.learnflow.model.Difficulty;
import io.learnflow.model.EventCodec;
import io.learnflow.model.InteractionKind;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
import io.learnflow.model.ResponseReady;
import io.learnflow.model.RoutingDecision;
import io.learnflow.model.Topics;
import io.learnflow.stack.LearnFlowStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "exercise"))
class ExercisePipelineTest {

    static QueryRouted query(UUID studentId, String text, String code, LearningModule module) {
        return new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), studentId, text, code,
                null, UUID.randomUUID(), module, Difficulty.BEGINNER,
                new RoutingDecision(QueryType.EXERCISE, 0.8, "asks for practice", "rules-v1"), 1, null, null, null,
                "Asia/Kolkata");
    }

    static ResponseReady ask(QueryRouted query) {
        KAFKA.send(Topics.QUERY_EXERCISE, query.studentId().toString(), EventCodec.encode(query));
        List<ConsumerRecord<String, String>> answers = KAFKA.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), WAIT);
        assertThat(answers).hasSize(1);
        return EventCodec.decode(answers.get(0).value(), ResponseReady.class);
    }

    static ResponseReady ask(UUID studentId, String text, String code, LearningModule module) {
        return ask(query(studentId, text, code, module));
    }

    @Test
    void theShippedBankIsLoadedWithEveryModuleAndEveryKind() {
        assertThat(DB.count("SELECT count(*) FROM exercise.exercise WHERE created_by IS NULL")).isEqualTo(474 + 40 + 40);
        assertThat(DB.count("SELECT count(DISTINCT topic) FROM exercise.exercise")).isEqualTo(8);
        assertThat(DB.count("SELECT count(*) FROM exercise.exercise WHERE kind = 'MCQ'")).isEqualTo(40);
        assertThat(DB.count("SELECT count(DISTINCT difficulty) FROM exercise.exercise")).isEqualTo(3);
    }

    @Test
    void handsOutTheEasiestUnsolvedExerciseOfTheModuleWithoutItsSolution() {
        UUID student = UUID.randomUUID();
        ResponseReady first = ask(student, "Give me an exercise on strings please", null, null);
        ResponseReady second = ask(student, "another one", null, LearningModule.STRINGS);

        assertThat(first.exerciseId()).isEqualTo("lf-strings-1");
        assertThat(first.module()).isEqualTo(LearningModule.STRINGS);
        assertThat(second.exerciseId()).isEqualTo("lf-strings-2");
        assertThat(first.content()).contains("def shout(text)").doesNotContain(Practice.secretsOf("lf-strings-1").toArray(String[]::new));
        assertThat(DB.count("SELECT count(*) FROM exercise.exercise_assignment WHERE student_id = ?", student))
                .isEqualTo(2);
    }

    @Test
    void aSolutionSentWithAQueryIsGradedAndItsFeedbackIsTheAnswer() {
        UUID student = UUID.randomUUID();
        QueryRouted check = query(student, "here is my solution to exercise lf-loops-1, is it right?",
                "def sum_to(n):\n    total = 0\n    for i in range(1, n):\n        total += i\n    return total\n", null);
        ResponseReady answer = ask(check);

        assertThat(answer.exerciseId()).isEqualTo("lf-loops-1");
        assertThat(answer.responseType()).isEqualTo("submission-feedback");
        assertThat(answer.content()).contains("of 4 tests passed").contains("`example` failed")
                .contains("a hidden test (").doesNotContain(Practice.secretsOf("lf-loops-1").toArray(String[]::new));
        assertThat(DB.rows("SELECT status, grade, session_id, time_zone FROM exercise.exercise_submission "
                + "WHERE query_id = ?", check.queryId())).singleElement().satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("GRADED");
                    assertThat((Integer) row.get("grade")).isLessThan(100);
                    assertThat(row.get("time_zone")).isEqualTo("Asia/Kolkata");
                });

        InteractionRecorded submission = Practice.interactionOf(check.queryId().toString());
        assertThat(submission.kind()).isEqualTo(InteractionKind.EXERCISE_SUBMISSION);
        assertThat(submission.exerciseId()).isEqualTo("lf-loops-1");
        assertThat(submission.successful()).isFalse();
        assertThat(submission.testsTotal()).isEqualTo(4);
        assertThat(submission.sessionId()).isEqualTo(check.sessionId());
        assertThat(submission.timeZone()).isEqualTo("Asia/Kolkata");
    }

    @Test
    void aSolvedExerciseIsNotHandedOutAgainUnlessAsked() {
        UUID student = UUID.randomUUID();
        ResponseReady first = ask(student, "an exercise on functions", null, null);
        assertThat(first.exerciseId()).isEqualTo("lf-functions-1");
        ResponseReady checked = ask(student, "is this right?", "def rectangle_area(width, height):\n"
                + "    return width * height\n", null);
        assertThat(checked.content()).contains("4 of 4 tests passed");

        ResponseReady next = ask(student, "next functions exercise", null, null);
        ResponseReady again = ask(student, "can I do that one again", null, null);

        assertThat(next.exerciseId()).isNotEqualTo("lf-functions-1").isEqualTo("lf-functions-2");
        assertThat(again.exerciseId()).isEqualTo("lf-functions-2");
    }

    @Test
    void aSessionLeaksNoSolutionAndNoHiddenTestOverHttpOrKafka() {
        Practice student = new Practice();
        List<String> touched = List.of("lf-dictionaries-2", "lf-dictionaries-5", "quiz-dictionaries-3");
        student.get("/api/v1/exercises?module=dictionaries");
        touched.forEach(id -> student.get("/api/v1/exercises/" + id));
        student.graded(student.submitCode("lf-dictionaries-2", "def word_counts(words):\n    return {}\n"));
        student.graded(student.submitCode("lf-dictionaries-5", "def group_by_letter(words):\n"
                + "    return {w[0]: [w] for w in words}\n"));
        student.submit("quiz-dictionaries-3", Map.of("answer", "a"));
        student.get("/api/v1/submissions");
        ask(student.id, "a dictionaries exercise please", null, null);
        ask(student.id, "my solution to exercise lf-dictionaries-5", "def group_by_letter(words):\n    return None\n",
                null);
        await(student);

        List<String> seen = new ArrayList<>(student.bodies);
        for (String topic : List.of(Topics.RESPONSE, Topics.INTERACTION, Topics.SUBMISSION, Topics.QUERY_STATUS)) {
            seen.addAll(everyRecordOf(topic, student.id));
        }
        assertThat(seen).hasSizeGreaterThan(10);
        for (String exercise : touched) {
            for (String secret : Practice.secretsOf(exercise)) {
                assertThat(seen).as(exercise).noneMatch(text -> text.contains(secret));
            }
        }
    }

    private static void await(Practice student) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> DB.count("SELECT count(*) FROM "
                + "exercise.exercise_submission WHERE student_id = ? AND interaction_published_at IS NULL",
                student.id) == 0);
    }

    private static List<String> everyRecordOf(String topic, UUID student) {
        List<String> values = new ArrayList<>();
        KAFKA.find(topic, r -> {
            if (student.toString().equals(r.key())) {
                values.add(r.value());
            }
            return false;
        }, Duration.ofSeconds(3));
        return values;
    }
}
