package io.learnflow.concepts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.learnflow.model.EventCodec;
import io.learnflow.model.FeedbackSubmitted;
import io.learnflow.model.InteractionRecorded;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryProcessing;
import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
import io.learnflow.model.ResponseOutcome;
import io.learnflow.model.ResponseReady;
import io.learnflow.model.RoutingDecision;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;
import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.KafkaProbe;
import io.learnflow.stack.LearnFlowStackResource;
import io.learnflow.concepts.ai.EncodedViews;
import io.learnflow.concepts.service.EntryVectorStore;
import io.learnflow.stack.LocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = LearnFlowStackResource.class, initArgs = @ResourceArg(name = "service", value = "concepts"))
class ConceptsPipelineTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    final KafkaProbe kafka = new KafkaProbe(LocalStack.shared().endpoints());
    final DatabaseProbe db = new DatabaseProbe(LocalStack.shared().endpoints());

    @Inject
    EntryVectorStore vectors;

    static QueryRouted question(String text) {
        return inSession(UUID.randomUUID(), UUID.randomUUID(), null, text);
    }

    static QueryRouted inSession(UUID studentId, UUID sessionId, LearningModule module, String text) {
        return new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), studentId, text, null, null,
                sessionId, module, null, new RoutingDecision(QueryType.CONCEPT, 0.8, "asks how", "rules-v1"), 1);
    }

    ResponseReady answerTo(QueryRouted query) {
        List<ConsumerRecord<String, String>> answers = kafka.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), WAIT);
        assertThat(answers).hasSize(1);
        return EventCodec.decode(answers.get(0).value(), ResponseReady.class);
    }

    void send(QueryRouted query) {
        kafka.send(Topics.QUERY_CONCEPTS, query.studentId().toString(), EventCodec.encode(query));
    }

    @Test
    void routedQuestionIsAnsweredFromTheCurriculumAndReported() {
        QueryRouted query = question("What is the difference between == and is?");
        send(query);

        List<ConsumerRecord<String, String>> answers = kafka.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), WAIT);
        assertThat(answers).hasSize(1);
        ResponseReady answer = EventCodec.decode(answers.get(0).value(), ResponseReady.class);
        assertThat(answer.answeredBy()).isEqualTo(ServiceName.CONCEPTS);
        assertThat(answer.outcome()).isEqualTo(ResponseOutcome.ANSWERED);
        assertThat(answer.content()).contains("== versus is", "`variables-equality-identity`", "Common misconception:",
                "Check yourself:", "Related:");
        assertThat(answer.module()).isEqualTo(LearningModule.VARIABLES);
        assertThat(answers.get(0).key()).isEqualTo(query.studentId().toString());

        List<ConsumerRecord<String, String>> interactions = kafka.find(Topics.INTERACTION,
                r -> r.value().contains(query.queryId().toString()), WAIT);
        InteractionRecorded interaction = EventCodec.decode(interactions.get(0).value(), InteractionRecorded.class);
        assertThat(interaction.interactionType()).isEqualTo(QueryType.CONCEPT);
        assertThat(interaction.module()).isEqualTo(LearningModule.VARIABLES);

        assertThat(db.rows("SELECT outcome, tutor FROM concepts.learning_response WHERE query_id = ?", query.queryId()))
                .singleElement().satisfies(row -> assertThat(row.get("outcome")).isEqualTo("ANSWERED"));

        // the notice waits 250 ms for the tutor; away from that edge, it is sent exactly when the tutor took longer
        long tookMs = (Long) db.rows("SELECT processing_ms FROM concepts.learning_response WHERE query_id = ?",
                query.queryId()).get(0).get("processing_ms");
        List<ConsumerRecord<String, String>> notices = kafka.find(Topics.QUERY_STATUS,
                r -> r.value().contains(query.queryId().toString()), tookMs < 200 ? Duration.ofSeconds(2) : WAIT);
        if (tookMs < 200) {
            assertThat(notices).as("no processing notice for an answer within the notice's delay").isEmpty();
        } else if (tookMs > 400) {
            assertThat(notices).singleElement().satisfies(record -> assertThat(
                    EventCodec.decode(record.value(), QueryProcessing.class).service()).isEqualTo(ServiceName.CONCEPTS));
        }
    }

    @Test
    void aVectorEncodedAtOneStartUpIsReadByTheNext() {
        String text = "a lesson text only this test has " + UUID.randomUUID();
        float[] encoded = new float[384];
        encoded[7] = 0.25f;
        encoded[383] = -1.5f;
        EncodedViews first = EncodedViews.of(vectors.load());
        first.vector(128, text, t -> encoded);
        vectors.save(first);

        assertThat(db.count("SELECT count(*) FROM concepts.entry_vector WHERE text_digest = ?",
                EncodedViews.digest(128, text))).isEqualTo(1);
        EncodedViews next = EncodedViews.of(vectors.load());
        assertThat(next.vector(128, text, t -> {
            throw new AssertionError("encoded again");
        })).containsExactly(encoded);
        assertThat(next.added()).isEmpty();
    }

    @Test
    void sameQueryDeliveredTwiceYieldsOneResponseAndOneInteraction() {
        QueryRouted query = question("How does a while loop stop?");
        send(query);
        send(query);

        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), Duration.ofSeconds(2))
                .stream().map(r -> EventCodec.decode(r.value(), ResponseReady.class).eventId()).distinct())
                .hasSize(1));
        await().atMost(WAIT).until(() -> kafka.find(Topics.RESPONSE,
                r -> r.value().contains(query.queryId().toString()), Duration.ofSeconds(2)).size() == 2);
        assertThat(db.count("SELECT count(*) FROM concepts.learning_response WHERE query_id = ?", query.queryId()))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM concepts.interaction_history WHERE query_id = ?", query.queryId()))
                .isEqualTo(1);
    }

    @Test
    void unparseableRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillAnswered() {
        String poison = "{\"eventId\": \"not-a-uuid\", \"queryText\": 42";
        String key = UUID.randomUUID().toString();
        kafka.send(Topics.QUERY_CONCEPTS, key, poison);
        QueryRouted next = new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.fromString(key),
                "how do I use a for loop with range?", null, null, null, null, null,
                new RoutingDecision(QueryType.CONCEPT, 0.8, "asks how", "rules-v1"), 1);
        send(next);

        List<ConsumerRecord<String, String>> dead = kafka.find(Topics.deadLetterOf(Topics.QUERY_CONCEPTS),
                r -> poison.equals(r.value()), WAIT);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("QueryRouted");
        assertThat(kafka.find(Topics.RESPONSE, r -> r.value().contains(next.queryId().toString()), WAIT)).hasSize(1);
    }

    @Test
    void feedbackOnAnAnswerIsKeptWithIt() {
        QueryRouted query = question("what is a dictionary?");
        send(query);
        await().atMost(WAIT).until(() -> db.count("SELECT count(*) FROM concepts.learning_response WHERE query_id = ?",
                query.queryId()) == 1);

        kafka.send(Topics.FEEDBACK, query.studentId().toString(), EventCodec.encode(new FeedbackSubmitted(
                UUID.randomUUID(), Instant.now(), query.queryId(), query.studentId(), ServiceName.CONCEPTS, 5,
                "clear example")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(db.rows(
                "SELECT feedback_rating, feedback_comment FROM concepts.learning_response WHERE query_id = ?",
                query.queryId())).singleElement().satisfies(row -> {
                    assertThat(row.get("feedback_rating")).isEqualTo(5);
                    assertThat(row.get("feedback_comment")).isEqualTo("clear example");
                }));
    }

    @Test
    void followUpInTheSameSessionIsReadWithThePreviousEntry() {
        UUID student = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        QueryRouted first = inSession(student, session, LearningModule.STRINGS,
                "how do I take a slice from index 1 to 3?");
        send(first);
        assertThat(answerTo(first).content()).contains("`strings-slicing`");

        QueryRouted followUp = inSession(student, session, LearningModule.STRINGS, "and for lists?");
        send(followUp);

        ResponseReady answer = answerTo(followUp);
        assertThat(answer.content()).contains("`lists-slicing`", "Following on from *Slicing strings*");
        assertThat(answer.module()).isEqualTo(LearningModule.LISTS);
        assertThat(db.rows("SELECT last_entry_id, last_query_id, turns, student_id FROM concepts.tutoring_session "
                + "WHERE session_id = ?", session)).singleElement().satisfies(row -> {
                    assertThat(row.get("last_entry_id")).isEqualTo("lists-slicing");
                    assertThat(row.get("last_query_id")).isEqualTo(followUp.queryId());
                    assertThat(row.get("turns")).isEqualTo(2);
                    assertThat(row.get("student_id")).isEqualTo(student);
                });
    }

    @Test
    void anotherStudentsSessionIdDoesNotCarryTheirContext() {
        UUID session = UUID.randomUUID();
        QueryRouted owner = inSession(UUID.randomUUID(), session, null,
                "what is the difference between sort and sorted?");
        send(owner);
        assertThat(answerTo(owner).content()).contains("`lists-sorting`");

        QueryRouted stranger = inSession(UUID.randomUUID(), session, null, "and for dictionaries?");
        send(stranger);

        assertThat(answerTo(stranger).content()).doesNotContain("Following on from");
        assertThat(db.rows("SELECT last_entry_id FROM concepts.tutoring_session WHERE session_id = ?", session))
                .singleElement().satisfies(row -> assertThat(row.get("last_entry_id")).isEqualTo("lists-sorting"));
    }

    @Test
    void questionOutsideTheCurriculumGetsTheNearestTopicsInsteadOfAGuess() {
        QueryRouted query = question("how do I catch an exception with try and except?");
        send(query);

        ResponseReady answer = answerTo(query);
        assertThat(answer.outcome()).isEqualTo(ResponseOutcome.ANSWERED);
        assertThat(answer.responseType()).isEqualTo("not-covered");
        assertThat(answer.content()).contains("has no entry", "nearest topics").doesNotContain("Check yourself:");
        List<ConsumerRecord<String, String>> interactions = kafka.find(Topics.INTERACTION,
                r -> r.value().contains(query.queryId().toString()), WAIT);
        assertThat(EventCodec.decode(interactions.get(0).value(), InteractionRecorded.class).successful()).isFalse();
    }

    @Test
    void whatDoesThisCodePrintShowsTheRealOutputFromTheSandbox() {
        QueryRouted query = withCode("what does this code print?", "for n in range(1, 4):\n    print(n * n)\n");
        send(query);

        ResponseReady answer = answerTo(query);
        assertThat(answer.content()).contains("Running your code in the sandbox printed:\n```text\n1\n4\n9\n```");
        assertThat(answer.module()).isEqualTo(LearningModule.LOOPS);
    }

    @Test
    void aSnippetThatRaisesShowsWhereItStopped() {
        QueryRouted query = withCode("what is the output of this?", "word = 'hi'\nprint(word)\nprint(word + 1)\n");
        send(query);

        assertThat(answerTo(query).content()).contains("printed:\n```text\nhi\n```",
                "It stopped with `TypeError: can only concatenate str (not \"int\") to str` on line 3.");
    }

    static QueryRouted withCode(String text, String code) {
        return new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), text, code, null,
                null, null, null, new RoutingDecision(QueryType.CONCEPT, 0.8, "asks what code prints", "rules-v1"), 1);
    }
}
