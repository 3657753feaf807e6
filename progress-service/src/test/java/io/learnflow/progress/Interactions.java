package io.learnflow.progress;

import java.time.Instant;
import java.util.UUID;

import io.learnflow.model.EventCodec;
import io.learnflow.model.InteractionKind;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.stack.KafkaProbe;

/** Interactions of one scripted student, sent to the real broker as the specialists would. */
final class Interactions {

    private final KafkaProbe kafka;
    final UUID student;
    UUID session;
    String timeZone;

    Interactions(KafkaProbe kafka, UUID student) {
        this.kafka = kafka;
        this.student = student;
    }

    Interactions inSession(UUID sessionId) {
        this.session = sessionId;
        return this;
    }

    Interactions inZone(String zone) {
        this.timeZone = zone;
        return this;
    }

    InteractionRecorded question(LearningModule module, Instant at) {
        return send(new InteractionRecorded(UUID.randomUUID(), at, UUID.randomUUID(), student, ServiceName.CONCEPTS,
                QueryType.CONCEPT, module, true, null, null, null, null, null, InteractionKind.QUESTION, null, null,
                timeZone, session));
    }

    InteractionRecorded submission(LearningModule module, String exerciseId, boolean allPassed, Instant at) {
        return submission(module, exerciseId, allPassed, null, null, at);
    }

    InteractionRecorded submission(LearningModule module, String exerciseId, boolean allPassed, String errorCategory,
            String conceptTag, Instant at) {
        return send(new InteractionRecorded(UUID.randomUUID(), at, UUID.randomUUID(), student, ServiceName.EXERCISE,
                QueryType.EXERCISE, module, allPassed, exerciseId, allPassed ? 4 : 2, 4, errorCategory, null,
                InteractionKind.EXERCISE_SUBMISSION, allPassed ? 100 : 50, conceptTag, timeZone, session));
    }

    InteractionRecorded quizAnswer(LearningModule module, boolean right, Instant at) {
        return send(new InteractionRecorded(UUID.randomUUID(), at, UUID.randomUUID(), student, ServiceName.EXERCISE,
                QueryType.EXERCISE, module, right, null, null, null, null, null, InteractionKind.QUIZ_ANSWER,
                right ? 100 : 0, null, timeZone, session));
    }

    InteractionRecorded debugRun(LearningModule module, boolean passes, String errorCategory, Instant at) {
        return send(new InteractionRecorded(UUID.randomUUID(), at, UUID.randomUUID(), student, ServiceName.DEBUG,
                QueryType.DEBUG, module, passes, null, null, null, errorCategory, passes, InteractionKind.DEBUG_RUN,
                null, null, timeZone, session));
    }

    InteractionRecorded send(InteractionRecorded event) {
        kafka.send(Topics.INTERACTION, student.toString(), EventCodec.encode(event));
        return event;
    }
}
