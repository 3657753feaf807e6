package io.learnflow.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.LearningModule;
import io.learnflow.model.StruggleDetected;
import io.learnflow.model.StruggleReason;
import io.learnflow.model.Topics;
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
class StruggleAlertTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Instant TUESDAY = Instant.parse("2026-03-03T14:00:00Z");

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());
    final StudentTokens tokens = new StudentTokens(LocalStack.shared().endpoints());

    void awaitCounted(InteractionRecorded event) {
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM progress.processed_event WHERE event_id = ?",
                event.eventId()) == 1);
    }

    List<Map<String, Object>> alerts(UUID student) {
        return db.rows("SELECT reason, resolved_by, evidence, exercise_id, error_category FROM progress.struggle_alert"
                + " WHERE student_id = ? ORDER BY raised_at", student);
    }

    long alerts(UUID student, StruggleReason reason) {
        return db.count("SELECT count(*) FROM progress.struggle_alert WHERE student_id = ? AND reason = ?", student,
                reason.name());
    }

    @Test
    void theSameErrorThreeTimesInAModuleWithinADayRaisesOneAlert() {
        Interactions fay = new Interactions(kafka, UUID.randomUUID());
        fay.debugRun(LearningModule.LOOPS, false, "off-by-one", TUESDAY);
        fay.debugRun(LearningModule.LOOPS, false, "off-by-one", TUESDAY.plus(Duration.ofHours(3)));
        var third = fay.debugRun(LearningModule.LOOPS, false, "off-by-one", TUESDAY.plus(Duration.ofHours(20)));
        var fourth = fay.debugRun(LearningModule.LOOPS, false, "off-by-one", TUESDAY.plus(Duration.ofHours(21)));
        awaitCounted(fourth);

        assertThat(alerts(fay.student)).singleElement().satisfies(alert -> {
            assertThat(alert.get("reason")).isEqualTo("REPEATED_ERROR");
            assertThat(alert.get("error_category")).isEqualTo("off-by-one");
            assertThat((String) alert.get("evidence")).contains("'off-by-one' 3 times in loops");
        });
        List<StruggleDetected> published = kafka.find(Topics.ALERT, r -> r.value().contains(fay.student.toString()),
                WAIT).stream().map(r -> EventCodec.decode(r.value(), StruggleDetected.class)).toList();
        assertThat(published).isNotEmpty().allSatisfy(event -> {
            assertThat(event.reason()).isEqualTo(StruggleReason.REPEATED_ERROR);
            assertThat(event.module()).isEqualTo(LearningModule.LOOPS);
            assertThat(event.queryId()).isEqualTo(third.queryId());
        });
    }

    @Test
    void twoErrorsOfACategoryMoreThanADayApartRaiseNothing() {
        Interactions gus = new Interactions(kafka, UUID.randomUUID());
        gus.debugRun(LearningModule.LOOPS, false, "off-by-one", TUESDAY);
        gus.debugRun(LearningModule.LOOPS, false, "off-by-one", TUESDAY.plus(Duration.ofHours(23)));
        var late = gus.debugRun(LearningModule.LOOPS, false, "off-by-one", TUESDAY.plus(Duration.ofHours(25)));
        awaitCounted(late);

        assertThat(alerts(gus.student)).isEmpty();
    }

    @Test
    void fiveFailedSubmissionsInARowOnOneExerciseRaiseOneAlertAndTheNextSuccessResolvesIt() {
        Interactions hal = new Interactions(kafka, UUID.randomUUID());
        for (int i = 0; i < 4; i++) {
            hal.submission(LearningModule.LISTS, "lists-other", true, TUESDAY.plusSeconds(60L * i));
        }
        InteractionRecorded last = null;
        for (int i = 0; i < 6; i++) {
            last = hal.submission(LearningModule.LISTS, "lists-reverse", false, TUESDAY.plusSeconds(300 + 60L * i));
        }
        awaitCounted(last);
        assertThat(alerts(hal.student, StruggleReason.FAILED_SUBMISSIONS)).isEqualTo(1);
        assertThat(db.rows("SELECT exercise_id, resolved_at FROM progress.struggle_alert WHERE student_id = ?"
                + " AND reason = 'FAILED_SUBMISSIONS'", hal.student)).singleElement().satisfies(alert -> {
                    assertThat(alert.get("exercise_id")).isEqualTo("lists-reverse");
                    assertThat(alert.get("resolved_at")).isNull();
                });

        var pass = hal.submission(LearningModule.LISTS, "lists-reverse", true, TUESDAY.plusSeconds(900));
        awaitCounted(pass);
        assertThat(alerts(hal.student)).isNotEmpty()
                .allSatisfy(alert -> assertThat(alert.get("resolved_by")).isEqualTo("success"));
    }

    @Test
    void lowMasteryAfterFiveAttemptsRaisesOneAlert() {
        Interactions ida = new Interactions(kafka, UUID.randomUUID());
        InteractionRecorded last = null;
        for (int i = 0; i < 4; i++) {
            last = ida.quizAnswer(LearningModule.DICTIONARIES, false, TUESDAY.plusSeconds(60L * i));
        }
        awaitCounted(last);
        assertThat(alerts(ida.student)).as("four attempts are not yet enough").isEmpty();

        for (int i = 4; i < 8; i++) {
            last = ida.quizAnswer(LearningModule.DICTIONARIES, false, TUESDAY.plusSeconds(60L * i));
        }
        awaitCounted(last);
        assertThat(alerts(ida.student)).singleElement().satisfies(alert -> {
            assertThat(alert.get("reason")).isEqualTo("LOW_MASTERY");
            assertThat((String) alert.get("evidence")).contains("after 5 attempts (0 successes)");
        });
    }

    @Test
    void twentyMinutesInASessionWithoutAPassRaiseOneAlertPerEpisode() {
        Interactions jo = new Interactions(kafka, UUID.randomUUID()).inSession(UUID.randomUUID());
        InteractionRecorded last = null;
        for (int m = 0; m <= 25; m += 5) {
            last = jo.question(LearningModule.CLASSES, TUESDAY.plus(Duration.ofMinutes(m)));
        }
        awaitCounted(last);
        assertThat(alerts(jo.student)).singleElement()
                .satisfies(alert -> assertThat(alert.get("reason")).isEqualTo("SESSION_WITHOUT_PASS"));

        var pass = jo.quizAnswer(LearningModule.CLASSES, true, TUESDAY.plus(Duration.ofMinutes(28)));
        awaitCounted(pass);
        assertThat(alerts(jo.student)).singleElement()
                .satisfies(alert -> assertThat(alert.get("resolved_by")).isEqualTo("success"));

        for (int m = 30; m <= 50; m += 5) {
            last = jo.question(LearningModule.CLASSES, TUESDAY.plus(Duration.ofMinutes(m)));
        }
        awaitCounted(last);
        assertThat(alerts(jo.student, StruggleReason.SESSION_WITHOUT_PASS)).as("a new episode after the pass")
                .isEqualTo(2);
    }

    @Test
    void aRedeliveredInteractionRaisesNoSecondAlertAndRepublishesTheSameEvent() {
        Interactions kit = new Interactions(kafka, UUID.randomUUID());
        kit.debugRun(LearningModule.STRINGS, false, "type-error", TUESDAY);
        kit.debugRun(LearningModule.STRINGS, false, "type-error", TUESDAY.plusSeconds(60));
        var third = kit.debugRun(LearningModule.STRINGS, false, "type-error", TUESDAY.plusSeconds(120));
        awaitCounted(third);
        kit.send(third);
        var after = kit.question(LearningModule.STRINGS, TUESDAY.plusSeconds(180));
        awaitCounted(after);

        assertThat(alerts(kit.student)).hasSize(1);
        await().atMost(WAIT).until(() -> kafka.find(Topics.ALERT, r -> r.value().contains(kit.student.toString()),
                Duration.ofSeconds(5)).stream().map(r -> EventCodec.decode(r.value(), StruggleDetected.class)
                        .eventId()).distinct().count() == 1);
    }

    @Test
    void studentsMayNotResolveAlerts() {
        given().auth().oauth2(tokens.studentToken(UUID.randomUUID()))
                .post("/api/v1/teacher/alerts/" + UUID.randomUUID() + "/resolve")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
