package io.learnflow.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;
import io.learnflow.progress.tracing.BktParameters;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LearnFlowStackResource;
import io.learnflow.stack.LocalStack;
import io.learnflow.stack.StudentTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "progress"))
class MasteryTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());
    final StudentTokens tokens = new StudentTokens(LocalStack.shared().endpoints());

    Map<String, Object> progress(UUID student, LearningModule module) {
        List<Map<String, Object>> rows = db.rows("SELECT * FROM progress.student_progress WHERE student_id = ?"
                + " AND module = ?", student, module.name());
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    int attempts(UUID student, LearningModule module) {
        Object n = progress(student, module).get("attempts_count");
        return n == null ? 0 : (Integer) n;
    }

    @Test
    void aScriptedStudentsSubmissionsMoveMasteryUpAndDownAsBktPredicts() {
        Interactions ana = new Interactions(kafka, UUID.randomUUID());
        boolean[] script = { true, true, false, true, false, false, true };
        BktParameters p = BktParameters.DEFAULTS;
        double known = p.prior();
        double previous = known;
        for (int i = 0; i < script.length; i++) {
            ana.submission(LearningModule.LOOPS, "loops-" + i, script[i], MONDAY.plusSeconds(60L * i));
            int expectedAttempts = i + 1;
            await().atMost(WAIT).until(() -> attempts(ana.student, LearningModule.LOOPS) == expectedAttempts);
            known = p.update(known, script[i]);
            double mastery = (Double) progress(ana.student, LearningModule.LOOPS).get("mastery_percentage");
            assertThat(mastery).as("mastery after attempt %d", expectedAttempts).isCloseTo(100 * known, within(1e-9));
            if (script[i]) {
                assertThat(mastery).isGreaterThan(100 * previous);
            } else {
                assertThat(mastery).isLessThan(100 * previous);
            }
            previous = known;
        }
        given().auth().oauth2(tokens.studentToken(ana.student)).get("/api/v1/progress/me")
                .then().statusCode(200)
                .body("evidenceCount", equalTo(7))
                .body("modules[0].attempts", equalTo(7))
                .body("modules[0].successes", equalTo(4))
                .body("modules[0].completedExercises", equalTo(4))
                .body("modules[0].mastery", equalTo((int) Math.round(100 * known)))
                .body("masteryByDay", hasSize(1))
                .body("masteryByDay[0].day", equalTo("2026-03-02"))
                .body("masteryByDay[0].mastery", equalTo((int) Math.round(100 * known)));
    }

    @Test
    void aDebugRunWhoseCodeNowPassesIsEvidenceAndOneWithoutAKnownRunIsNot() {
        Interactions ben = new Interactions(kafka, UUID.randomUUID());
        ben.debugRun(LearningModule.FUNCTIONS, true, null, MONDAY);
        ben.send(new InteractionRecorded(UUID.randomUUID(), MONDAY.plusSeconds(60), UUID.randomUUID(), ben.student,
                ServiceName.DEBUG, QueryType.DEBUG, LearningModule.FUNCTIONS, true, null, null, null, "name-error",
                null));

        await().atMost(WAIT).until(() -> {
            Object questions = progress(ben.student, LearningModule.FUNCTIONS).get("questions_count");
            return questions != null && (Integer) questions == 1;
        });
        Map<String, Object> row = progress(ben.student, LearningModule.FUNCTIONS);
        assertThat(row.get("attempts_count")).isEqualTo(1);
        assertThat(row.get("success_count")).isEqualTo(1);
        assertThat((Double) row.get("mastery_percentage"))
                .isCloseTo(100 * BktParameters.DEFAULTS.update(0.25, true), within(1e-9));
    }

    @Test
    void evidenceNamingAConceptAlsoTracesTheConcept() {
        Interactions cam = new Interactions(kafka, UUID.randomUUID());
        cam.submission(LearningModule.LOOPS, "loops-a", true, null, "for-loop", MONDAY);
        cam.submission(LearningModule.LOOPS, "loops-b", false, null, "while-loop", MONDAY.plusSeconds(60));
        cam.submission(LearningModule.LOOPS, "loops-c", true, null, "for-loop", MONDAY.plusSeconds(120));
        await().atMost(WAIT).until(() -> attempts(cam.student, LearningModule.LOOPS) == 3);

        BktParameters p = BktParameters.DEFAULTS;
        int forLoop = (int) Math.round(100 * p.update(p.update(p.prior(), true), true));
        int whileLoop = (int) Math.round(100 * p.update(p.prior(), false));
        given().auth().oauth2(tokens.studentToken(cam.student)).get("/api/v1/progress/me")
                .then().statusCode(200)
                .body("concepts", hasSize(2))
                .body("concepts.find { it.conceptTag == 'for-loop' }.mastery", equalTo(forLoop))
                .body("concepts.find { it.conceptTag == 'for-loop' }.attempts", equalTo(2))
                .body("concepts.find { it.conceptTag == 'while-loop' }.mastery", equalTo(whileLoop));
    }

    @Test
    void streaksCountDaysInTheStudentsTimeZone() {
        Interactions dee = new Interactions(kafka, UUID.randomUUID()).inZone("America/New_York");
        // 18:30 and 19:30 on 2 March in New York (two UTC days), then 21:00 on 3 March
        dee.question(LearningModule.LISTS, Instant.parse("2026-03-02T23:30:00Z"));
        dee.question(LearningModule.LISTS, Instant.parse("2026-03-03T00:30:00Z"));
        await().atMost(WAIT).until(() -> {
            Object questions = progress(dee.student, LearningModule.LISTS).get("questions_count");
            return questions != null && (Integer) questions == 2;
        });
        assertThat(progress(dee.student, LearningModule.LISTS).get("streak_days")).isEqualTo(1);

        dee.question(LearningModule.LISTS, Instant.parse("2026-03-04T02:00:00Z"));
        await().atMost(WAIT).until(() -> (Integer) progress(dee.student, LearningModule.LISTS)
                .get("questions_count") == 3);
        assertThat(progress(dee.student, LearningModule.LISTS).get("streak_days")).isEqualTo(2);
        assertThat(progress(dee.student, LearningModule.LISTS).get("time_zone")).isEqualTo("America/New_York");
    }

    @Test
    void learningTimeCountsActiveTimeInASessionAndNotGapsOverTenMinutes() {
        Interactions eli = new Interactions(kafka, UUID.randomUUID()).inSession(UUID.randomUUID());
        int[] minutes = { 0, 4, 9, 30, 33 };
        for (int m : minutes) {
            eli.question(LearningModule.STRINGS, MONDAY.plus(Duration.ofMinutes(m)));
        }
        await().atMost(WAIT).until(() -> {
            Object questions = progress(eli.student, LearningModule.STRINGS).get("questions_count");
            return questions != null && (Integer) questions == minutes.length;
        });

        // 4 + 5 + 3 minutes; the 21-minute pause is not learning time
        assertThat(progress(eli.student, LearningModule.STRINGS).get("total_learning_seconds")).isEqualTo(12L * 60);
        given().auth().oauth2(tokens.studentToken(eli.student)).get("/api/v1/progress/me")
                .then().statusCode(200).body("modules[0].totalLearningMinutes", equalTo(12));
    }
}
