package io.learnflow.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.model.ClassMembershipChanged;
import io.learnflow.model.EventCodec;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.LearningModule;
import io.learnflow.model.Topics;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LearnFlowStackResource;
import io.learnflow.stack.LocalStack;
import io.learnflow.stack.StudentTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "progress"))
class ClassesTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Instant WEDNESDAY = Instant.parse("2026-03-04T10:00:00Z");

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());
    final StudentTokens tokens = new StudentTokens(LocalStack.shared().endpoints());

    record CreatedClass(String id, String joinCode) {
    }

    CreatedClass createClass(UUID teacher, String name) {
        var body = given().auth().oauth2(tokens.teacherToken(teacher)).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\"}").post("/api/v1/teacher/classes")
                .then().statusCode(201).extract().jsonPath();
        return new CreatedClass(body.getString("id"), body.getString("joinCode"));
    }

    void join(UUID student, String joinCode) {
        joinWith(tokens.studentToken(student), joinCode);
    }

    void joinWith(String studentToken, String joinCode) {
        given().auth().oauth2(studentToken).contentType(ContentType.JSON)
                .body("{\"joinCode\":\"" + joinCode.toLowerCase() + "\"}").post("/api/v1/classes/join")
                .then().statusCode(200);
    }

    void awaitCounted(InteractionRecorded event) {
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM progress.processed_event WHERE event_id = ?",
                event.eventId()) == 1);
    }

    @Test
    void aTeacherSeesOnlyTheStudentsOfTheirOwnClasses() {
        UUID grace = UUID.randomUUID();
        UUID alan = UUID.randomUUID();
        CreatedClass mine = createClass(grace, "Python 1A");
        CreatedClass theirs = createClass(alan, "Python 1B");
        Interactions ada = new Interactions(kafka, UUID.randomUUID());
        Interactions bob = new Interactions(kafka, UUID.randomUUID());
        join(ada.student, mine.joinCode());
        joinWith(tokens.studentToken(ada.student, "ada@example.org", "Ada", "Lovelace"), mine.joinCode());
        join(bob.student, theirs.joinCode());
        ada.quizAnswer(LearningModule.LOOPS, true, WEDNESDAY);
        awaitCounted(bob.quizAnswer(LearningModule.LISTS, false, WEDNESDAY));

        given().auth().oauth2(tokens.teacherToken(grace)).get("/api/v1/teacher/classes/" + mine.id())
                .then().statusCode(200)
                .body("name", equalTo("Python 1A"))
                .body("students", hasSize(1))
                .body("students[0].studentId", equalTo(ada.student.toString()))
                .body("students[0].email", equalTo("ada@example.org"))
                .body("students[0].name", equalTo("Ada Lovelace"))
                .body("students[0].modules[0].module", equalTo("loops"))
                .body("students[0].modules[0].mastery", equalTo(66));
        given().auth().oauth2(tokens.teacherToken(grace)).get("/api/v1/teacher/students")
                .then().statusCode(200).body("studentId", equalTo(List.of(ada.student.toString())))
                .body("email", equalTo(List.of("ada@example.org"))).body("name", equalTo(List.of("Ada Lovelace")));
        given().auth().oauth2(tokens.teacherToken(grace)).get("/api/v1/teacher/classes")
                .then().statusCode(200).body("id", equalTo(List.of(mine.id())));

        given().auth().oauth2(tokens.teacherToken(grace)).get("/api/v1/teacher/classes/" + theirs.id())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(tokens.teacherToken(grace)).get("/api/v1/teacher/classes/" + theirs.id() + "/alerts")
                .then().statusCode(404);
        given().auth().oauth2(tokens.teacherToken(grace)).get("/api/v1/teacher/students/" + bob.student + "/timeline")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(tokens.teacherToken(grace)).get("/api/v1/teacher/students/" + ada.student + "/timeline")
                .then().statusCode(200).body("interactions", hasSize(1))
                .body("email", equalTo("ada@example.org")).body("name", equalTo("Ada Lovelace"));

        List<ClassMembershipChanged> announced = kafka.find(Topics.CLASS_MEMBERSHIP,
                r -> r.value().contains(ada.student.toString()), Duration.ofSeconds(30)).stream()
                .map(r -> EventCodec.decode(r.value(), ClassMembershipChanged.class)).toList();
        assertThat(announced).as("joined twice, announced once").singleElement().satisfies(change -> {
            assertThat(change.classId()).hasToString(mine.id());
            assertThat(change.teacherId()).isEqualTo(grace);
            assertThat(change.member()).isTrue();
        });
    }

    @Test
    void studentsAreRefusedTeacherEndpointsAndAnUnknownCodeIsNotFound() {
        UUID student = UUID.randomUUID();
        String token = tokens.studentToken(student);
        given().auth().oauth2(token).get("/api/v1/teacher/students")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"mine\"}")
                .post("/api/v1/teacher/classes").then().statusCode(403);
        given().auth().oauth2(token).get("/api/v1/teacher/classes/" + UUID.randomUUID())
                .then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"joinCode\":\"NOSUCHCODE\"}")
                .post("/api/v1/classes/join").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"joinCode\":\"\"}")
                .post("/api/v1/classes/join").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/teacher/students").then().statusCode(401);
    }

    @Test
    void aTeacherSeesATimelineAndOpenAlertsAndResolvesAnAlert() {
        UUID grace = UUID.randomUUID();
        CreatedClass mine = createClass(grace, "Evening class");
        Interactions cy = new Interactions(kafka, UUID.randomUUID());
        joinWith(tokens.studentToken(cy.student, "cy@example.org", "Cy", "Young"), mine.joinCode());
        cy.question(LearningModule.FUNCTIONS, WEDNESDAY);
        cy.debugRun(LearningModule.FUNCTIONS, false, "missing-return", WEDNESDAY.plusSeconds(60));
        cy.debugRun(LearningModule.FUNCTIONS, false, "missing-return", WEDNESDAY.plusSeconds(120));
        awaitCounted(cy.debugRun(LearningModule.FUNCTIONS, false, "missing-return", WEDNESDAY.plusSeconds(180)));

        String alertId = given().auth().oauth2(tokens.teacherToken(grace))
                .get("/api/v1/teacher/classes/" + mine.id() + "/alerts")
                .then().statusCode(200).body("", hasSize(1)).body("[0].reason", equalTo("repeated_error"))
                .body("[0].studentId", equalTo(cy.student.toString()))
                .body("[0].email", equalTo("cy@example.org")).body("[0].name", equalTo("Cy Young"))
                .extract().path("[0].id");
        given().auth().oauth2(tokens.teacherToken(grace)).get("/api/v1/teacher/students/" + cy.student + "/timeline")
                .then().statusCode(200)
                .body("email", equalTo("cy@example.org")).body("name", equalTo("Cy Young"))
                .body("interactions", hasSize(4))
                .body("interactions[0].kind", equalTo("debug_run"))
                .body("interactions[0].evidence", equalTo(true))
                .body("interactions[3].kind", equalTo("question"))
                .body("interactions[3].evidence", equalTo(false))
                .body("masteryByDay", hasSize(1))
                .body("alerts", hasSize(1))
                .body("alerts[0].email", equalTo("cy@example.org"));

        given().auth().oauth2(tokens.teacherToken(UUID.randomUUID()))
                .post("/api/v1/teacher/alerts/" + alertId + "/resolve").then().statusCode(404);
        given().auth().oauth2(tokens.teacherToken(grace)).post("/api/v1/teacher/alerts/" + alertId + "/resolve")
                .then().statusCode(200).body("resolvedBy", equalTo("teacher")).body("name", equalTo("Cy Young"));
        given().auth().oauth2(tokens.teacherToken(grace)).get("/api/v1/teacher/classes/" + mine.id() + "/alerts")
                .then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void theClassProgressExportsAsCsvThatParsesBackToTheRoster() throws IOException {
        UUID grace = UUID.randomUUID();
        CreatedClass mine = createClass(grace, "Saturday, advanced");
        Interactions dan = new Interactions(kafka, UUID.randomUUID());
        Interactions eve = new Interactions(kafka, UUID.randomUUID());
        joinWith(tokens.studentToken(dan.student, "dan@example.org", "=Dan", "O'Neil, \"DJ\""), mine.joinCode());
        join(eve.student, mine.joinCode());
        dan.submission(LearningModule.LOOPS, "loops-sum", true, WEDNESDAY);
        dan.submission(LearningModule.LISTS, "lists-max", false, WEDNESDAY.plusSeconds(60));
        awaitCounted(dan.submission(LearningModule.LISTS, "lists-max", true, WEDNESDAY.plusSeconds(120)));

        String csv = given().auth().oauth2(tokens.teacherToken(grace)).accept("text/csv")
                .get("/api/v1/teacher/classes/" + mine.id())
                .then().statusCode(200).contentType("text/csv").extract().asString();

        List<List<String>> rows = parseCsv(csv);
        assertThat(rows.get(0)).containsExactly("student_id", "email", "name", "module", "attempts_count",
                "success_count", "mastery_percentage", "completed_exercises", "questions_count", "streak_days",
                "total_learning_minutes", "last_practiced_at", "open_alerts");
        assertThat(rows).hasSize(4);
        var json = given().auth().oauth2(tokens.teacherToken(grace)).accept(ContentType.JSON)
                .get("/api/v1/teacher/classes/" + mine.id()).then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("students.find { it.studentId == '" + eve.student + "' }.name")).isNull();
        for (List<String> row : rows.subList(1, rows.size())) {
            String student = row.get(0);
            String module = row.get(3);
            if (module.isEmpty()) {
                assertThat(student).isEqualTo(eve.student.toString());
                assertThat(row.subList(1, 3)).containsExactly(eve.student + "@example.org", "");
                continue;
            }
            // a name a spreadsheet would run as a formula stays text
            assertThat(row.subList(1, 3)).containsExactly("dan@example.org", "'=Dan O'Neil, \"DJ\"");
            String path = "students.find { it.studentId == '" + student + "' }.modules.find { it.module == '" + module
                    + "' }";
            assertThat(Integer.parseInt(row.get(4))).isEqualTo(json.getInt(path + ".attempts"));
            assertThat(Integer.parseInt(row.get(5))).isEqualTo(json.getInt(path + ".successes"));
            assertThat(Double.parseDouble(row.get(6))).isEqualTo(json.getDouble(path + ".masteryPercentage"));
            assertThat(Integer.parseInt(row.get(7))).isEqualTo(json.getInt(path + ".completedExercises"));
            assertThat(Instant.parse(row.get(11))).isEqualTo(Instant.parse(json.getString(path + ".lastPracticedAt")));
        }
        assertThat(rows.stream().filter(r -> r.get(0).equals(dan.student.toString())).map(r -> r.get(3)))
                .containsExactlyInAnyOrder("loops", "lists");
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parseCsv(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        StringReader in = new StringReader(text);
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r') {
                continue;
            } else if (ch == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
