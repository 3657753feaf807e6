package io.learnflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    static QueryRouted queryRouted() {
        return new QueryRouted(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                "why does my loop never stop?", "while i < 3:\n    print(i)", null, UUID.randomUUID(),
                LearningModule.LOOPS, Difficulty.BEGINNER,
                new RoutingDecision(QueryType.DEBUG, 0.87, "reports a hang", "rules-v1"), 1);
    }

    @Test
    void queryRoutedRoundTrips() {
        QueryRouted event = queryRouted();
        assertThat(EventCodec.decode(EventCodec.encode(event), QueryRouted.class)).isEqualTo(event);
    }

    @Test
    void queryRoutedCarriesTheOptionalInputTestsAndExercise() {
        QueryRouted event = new QueryRouted(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                "wrong sum", "def add(a, b):\n    return a - b", null, null, LearningModule.FUNCTIONS, null,
                new RoutingDecision(QueryType.DEBUG, 0.9, "wrong output", "rules-v1"), 1, "2\n3\n",
                "assert add(2, 3) == 5", "mbpp-17");
        QueryRouted decoded = EventCodec.decode(EventCodec.encode(event), QueryRouted.class);

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.tests()).isEqualTo("assert add(2, 3) == 5");
    }

    @Test
    void anEventWithoutTheNewOptionalFieldsStillDecodes() {
        String older = EventCodec.encode(queryRouted()).replace(",\"stdin\":null", "");
        QueryRouted decoded = EventCodec.decode(older, QueryRouted.class);

        assertThat(decoded.stdin()).isNull();
        assertThat(decoded.tests()).isNull();
        assertThat(decoded.exerciseId()).isNull();
        InteractionRecorded interaction = new InteractionRecorded(UUID.randomUUID(), NOW, UUID.randomUUID(),
                UUID.randomUUID(), ServiceName.DEBUG, QueryType.DEBUG, LearningModule.LOOPS, true, null, 2, 3,
                "range-bounds", false);
        assertThat(EventCodec.decode(EventCodec.encode(interaction), InteractionRecorded.class)).isEqualTo(interaction);
    }

    @Test
    void responseReadyRoundTrips() {
        ResponseReady answered = new ResponseReady(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                ServiceName.CONCEPTS, ResponseOutcome.ANSWERED, "explanation", "A list is ...", null,
                LearningModule.LISTS, null);
        ResponseReady failed = new ResponseReady(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                ServiceName.TRIAGE, ResponseOutcome.FAILED, null, null, "no specialist answered", null, null);
        assertThat(EventCodec.decode(EventCodec.encode(answered), ResponseReady.class)).isEqualTo(answered);
        assertThat(EventCodec.decode(EventCodec.encode(failed), ResponseReady.class)).isEqualTo(failed);
    }

    @Test
    void aHandBackCarriesItsReasonAndSuggestedTypeAndTheReRouteNamesWhoHandedItBack() {
        ResponseReady handBack = new ResponseReady(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                ServiceName.CONCEPTS, ResponseOutcome.HANDED_BACK, null, null, null, null, null,
                "it carries a Python traceback", QueryType.DEBUG);
        String json = EventCodec.encode(handBack);

        assertThat(json).contains("\"outcome\":\"handed_back\"").contains("\"suggestedType\":\"debug\"");
        assertThat(EventCodec.decode(json, ResponseReady.class)).isEqualTo(handBack);
        assertThatThrownBy(() -> EventCodec.decode(json.replace(",\"suggestedType\":\"debug\"", ""),
                ResponseReady.class)).isInstanceOf(EventDecodingException.class).hasMessageContaining("suggestedType");
        QueryRouted rerouted = new QueryRouted(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                "what is this error", null, "NameError: name 'x' is not defined", null, null, null,
                new RoutingDecision(QueryType.DEBUG, 0.6, "handed back by concepts", "embedded/x"), 2, null, null, null,
                null, ServiceName.CONCEPTS);
        assertThat(EventCodec.decode(EventCodec.encode(rerouted), QueryRouted.class)).isEqualTo(rerouted);
        assertThat(EventCodec.decode(EventCodec.encode(queryRouted()), QueryRouted.class).handedBackBy()).isNull();
    }

    @Test
    void interactionRecordedRoundTrips() {
        InteractionRecorded event = new InteractionRecorded(UUID.randomUUID(), NOW, UUID.randomUUID(),
                UUID.randomUUID(), ServiceName.EXERCISE, QueryType.EXERCISE, LearningModule.STRINGS, true, "mbpp-17",
                3, 3);
        assertThat(EventCodec.decode(EventCodec.encode(event), InteractionRecorded.class)).isEqualTo(event);
    }

    @Test
    void feedbackSubmittedRoundTrips() {
        FeedbackSubmitted event = new FeedbackSubmitted(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                ServiceName.DEBUG, 4, "the hint about range() helped");
        assertThat(EventCodec.decode(EventCodec.encode(event), FeedbackSubmitted.class)).isEqualTo(event);
    }

    @Test
    void submissionReceivedRoundTripsWithOrWithoutItsQuery() {
        SubmissionReceived fromHttp = new SubmissionReceived(UUID.randomUUID(), NOW, UUID.randomUUID(),
                UUID.randomUUID(), "lf-loops-1", 1, null);
        SubmissionReceived routed = new SubmissionReceived(UUID.randomUUID(), NOW, UUID.randomUUID(),
                UUID.randomUUID(), "mbpp-12", 2, UUID.randomUUID());
        assertThat(EventCodec.decode(EventCodec.encode(fromHttp), SubmissionReceived.class)).isEqualTo(fromHttp);
        assertThat(EventCodec.decode(EventCodec.encode(routed), SubmissionReceived.class)).isEqualTo(routed);
        assertThatThrownBy(() -> EventCodec.decode("{\"eventId\":\"" + UUID.randomUUID() + "\"}",
                SubmissionReceived.class)).isInstanceOf(EventDecodingException.class).hasMessageContaining("'");
    }

    @Test
    void enumsTravelInLowercase() {
        String json = EventCodec.encode(queryRouted());
        assertThat(json).contains("\"type\":\"debug\"").contains("\"module\":\"loops\"")
                .contains("\"difficulty\":\"beginner\"");
    }

    @Test
    void unknownExtraFieldIsIgnored() {
        QueryRouted event = queryRouted();
        String json = EventCodec.encode(event).replaceFirst("\\{", "{\"addedInAFutureVersion\":{\"x\":1},");
        assertThat(EventCodec.decode(json, QueryRouted.class)).isEqualTo(event);
    }

    @Test
    void missingRequiredFieldIsRejectedNamingTheField() {
        String json = EventCodec.encode(queryRouted()).replaceFirst("\"queryId\":\"[^\"]+\",", "");
        assertThatThrownBy(() -> EventCodec.decode(json, QueryRouted.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("QueryRouted")
                .hasMessageContaining("queryId");
    }

    @Test
    void unknownEnumValueIsRejectedListingTheChoices() {
        String json = EventCodec.encode(queryRouted()).replace("\"type\":\"debug\"", "\"type\":\"gossip\"");
        assertThatThrownBy(() -> EventCodec.decode(json, QueryRouted.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("gossip")
                .hasMessageContaining("concept, debug, exercise, other");
    }

    @Test
    void malformedJsonIsRejected() {
        assertThatThrownBy(() -> EventCodec.decode("{not json", ResponseReady.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("ResponseReady:");
        assertThatThrownBy(() -> EventCodec.decode("", ResponseReady.class))
                .isInstanceOf(EventDecodingException.class);
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertThatThrownBy(() -> new RoutingDecision(QueryType.CONCEPT, 1.5, "x", "rules-v1"))
                .hasMessageContaining("confidence");
        assertThatThrownBy(() -> new FeedbackSubmitted(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                ServiceName.DEBUG, 6, null)).hasMessageContaining("rating");
        assertThatThrownBy(() -> new InteractionRecorded(UUID.randomUUID(), NOW, UUID.randomUUID(), UUID.randomUUID(),
                ServiceName.EXERCISE, QueryType.EXERCISE, null, false, "mbpp-1", 4, 3))
                .hasMessageContaining("tests passed");
    }
}
