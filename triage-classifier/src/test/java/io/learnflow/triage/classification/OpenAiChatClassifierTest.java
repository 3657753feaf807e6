package io.learnflow.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import io.learnflow.model.QueryType;

class OpenAiChatClassifierTest {

    private final OpenAiChatClassifier classifier = new OpenAiChatClassifier(null, "gpt-4o-mini");

    @Test
    void aVerdictThatFollowsTheSchemaIsTheClassification() {
        Classification verdict = classifier.parse(
                "{\"label\":\"Debug\",\"confidence\":0.8,\"reason\":\"reports an IndexError\"}");

        assertThat(verdict.type()).isEqualTo(QueryType.DEBUG);
        assertThat(verdict.confidence()).isEqualTo(0.8);
        assertThat(verdict.reason()).isEqualTo("openai: reports an IndexError");
        assertThat(verdict.classifier()).isEqualTo("openai/gpt-4o-mini");
    }

    @Test
    void anAnswerOutsideTheSchemaIsRefused() {
        assertThatThrownBy(() -> classifier.parse("it is a debug question"))
                .hasMessageStartingWith("the answer is not JSON");
        assertThatThrownBy(() -> classifier.parse("{\"label\":\"debug\",\"confidence\":0.8}"))
                .hasMessageStartingWith("the answer lacks label, confidence or reason");
        assertThatThrownBy(() -> classifier.parse("{\"label\":\"homework\",\"confidence\":0.8,\"reason\":\"x\"}"))
                .hasMessage("unknown label homework");
        assertThatThrownBy(() -> classifier.parse("{\"label\":\"debug\",\"confidence\":1.5,\"reason\":\"x\"}"))
                .hasMessage("confidence out of [0, 1]: 1.5");
    }

    @Test
    void failuresAreDescribedInAFewWords() {
        assertThat(OpenAiChatClassifier.describe(new TimeoutException(new HttpTimeoutException("request timed out"))))
                .isEqualTo("timeout");
        assertThat(OpenAiChatClassifier.describe(new HttpException(500, "The server had an error")))
                .isEqualTo("The server had an error");
    }
}
