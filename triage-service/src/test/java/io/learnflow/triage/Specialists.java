package io.learnflow.triage;

import java.time.Instant;
import java.util.UUID;

import io.learnflow.model.EventCodec;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryProcessing;
import io.learnflow.model.QueryType;
import io.learnflow.model.ResponseOutcome;
import io.learnflow.model.ResponseReady;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.stack.KafkaProbe;

/** Plays the specialists' side on the real broker: what a specialist publishes about a student's query. */
final class Specialists {

    private Specialists() {
    }

    /** The concepts tutor's explanation. */
    static void explain(KafkaProbe kafka, Students.SignedIn student, String queryId, String content) {
        answer(kafka, student, queryId, ServiceName.CONCEPTS, "explanation", content, null, null);
    }

    static void answer(KafkaProbe kafka, Students.SignedIn student, String queryId, ServiceName by, String type,
            String content, LearningModule module, String exerciseId) {
        kafka.send(Topics.RESPONSE, student.id().toString(), EventCodec.encode(new ResponseReady(UUID.randomUUID(),
                Instant.now(), UUID.fromString(queryId), student.id(), by, ResponseOutcome.ANSWERED, type, content, null,
                module, exerciseId)));
    }

    /** The specialist gives the query back to triage as one it cannot serve, suggesting who should answer it. */
    static void handBack(KafkaProbe kafka, Students.SignedIn student, String queryId, ServiceName by, String reason,
            QueryType suggested) {
        kafka.send(Topics.RESPONSE, student.id().toString(), EventCodec.encode(new ResponseReady(UUID.randomUUID(),
                Instant.now(), UUID.fromString(queryId), student.id(), by, ResponseOutcome.HANDED_BACK, null, null, null,
                null, null, reason, suggested)));
    }

    static void startProcessing(KafkaProbe kafka, Students.SignedIn student, String queryId, int attempt) {
        kafka.send(Topics.QUERY_STATUS, student.id().toString(), EventCodec.encode(new QueryProcessing(
                UUID.randomUUID(), Instant.now(), UUID.fromString(queryId), student.id(), ServiceName.CONCEPTS, attempt)));
    }
}
