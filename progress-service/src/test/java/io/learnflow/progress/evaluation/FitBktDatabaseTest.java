package io.learnflow.progress.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.InteractionKind;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.progress.tracing.BktParameters;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LearnFlowStackResource;
import io.learnflow.stack.LocalStack;
import io.learnflow.stack.StackEndpoints;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** fit-bkt reads the evidence progress stored, in time order, and only the evidence. */
@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "progress"))
class FitBktDatabaseTest {

    final StackEndpoints endpoints = LocalStack.shared().endpoints();
    final KafkaProbe kafka = new KafkaProbe(endpoints);
    final DatabaseProbe db = new DatabaseProbe(endpoints);

    @Test
    void theFitReadsTheStoredEvidenceOfEachStudentInTimeOrder() throws Exception {
        UUID student = UUID.randomUUID();
        Instant start = Instant.parse("2026-03-05T08:00:00Z");
        boolean[] outcomes = { false, true, true };
        for (int i = outcomes.length - 1; i >= 0; i--) {
            InteractionRecorded answer = new InteractionRecorded(UUID.randomUUID(), start.plusSeconds(60L * i), UUID.randomUUID(), student,
                    ServiceName.EXERCISE, QueryType.EXERCISE, LearningModule.CLASSES, outcomes[i], null, null, null,
                    null, null, InteractionKind.QUIZ_ANSWER, null, null, null, null);
            kafka.send(Topics.INTERACTION, student.toString(), EventCodec.encode(answer));
        }
        kafka.send(Topics.INTERACTION, student.toString(), EventCodec.encode(new InteractionRecorded(UUID.randomUUID(),
                start, UUID.randomUUID(), student, ServiceName.CONCEPTS, QueryType.CONCEPT, LearningModule.CLASSES,
                true, null, null, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "SELECT count(*) FROM progress.interaction WHERE student_id = ?", student) == 4);

        List<FitBkt.Attempt> attempts = FitBkt.readDatabase(FitBkt.parse(new String[] { "--db", endpoints.jdbcUrl(),
                "--user", endpoints.admin().username(), "--password", endpoints.admin().password() }));

        assertThat(attempts.stream().filter(a -> a.student().equals(student.toString())))
                .extracting(FitBkt.Attempt::correct).containsExactly(false, true, true);
    }

    @Test
    void savedParametersReplaceTheModulesDefaults() throws Exception {
        FitBkt.Options options = FitBkt.parse(new String[] { "--db", endpoints.jdbcUrl(), "--user",
                endpoints.admin().username(), "--password", endpoints.admin().password(), "--save" });
        try {
            FitBkt.save(options, Map.of(LearningModule.STRINGS, new BktParameters(0.3, 0.12, 0.2, 0.1)));

            assertThat(db.rows("SELECT prior, learn, guess, slip, source FROM progress.bkt_parameters WHERE module = ?",
                    "STRINGS")).singleElement().satisfies(row -> {
                        assertThat(row.get("prior")).isEqualTo(0.3);
                        assertThat(row.get("learn")).isEqualTo(0.12);
                        assertThat(row.get("source")).isEqualTo("fit");
                    });
        } finally {
            FitBkt.save(options, Map.of(LearningModule.STRINGS, BktParameters.DEFAULTS));
            db.executeAs("progress", "UPDATE progress.bkt_parameters SET source = 'default' WHERE module = 'STRINGS'");
        }
    }
}
