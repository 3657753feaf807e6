package io.learnflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.learnflow.model.Topics;

class LocalStackRestartTest {

    static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(Map.of());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aRestartedBrokerKeepsItsAddressAndItsRecords() throws Exception {
        KafkaProbe kafka = new KafkaProbe(stack.endpoints());
        String before = UUID.randomUUID().toString();
        kafka.send(Topics.FEEDBACK, "student", before);

        stack.restartKafka();

        String after = UUID.randomUUID().toString();
        kafka.send(Topics.FEEDBACK, "student", after);
        assertThat(kafka.find(Topics.FEEDBACK, r -> r.value().equals(before) || r.value().equals(after),
                Duration.ofSeconds(30))).hasSize(2);
    }

    @Test
    void aRestartedDatabaseKeepsItsPortAndCommittedRows() throws Exception {
        DatabaseProbe db = new DatabaseProbe(stack.endpoints());
        db.executeAs("progress", "CREATE TABLE progress.survives_restart (id int)");
        db.executeAs("progress", "INSERT INTO progress.survives_restart VALUES (7)");

        stack.restartPostgres();

        assertThat(db.count("SELECT count(*) FROM progress.survives_restart WHERE id = 7")).isEqualTo(1);
    }
}
