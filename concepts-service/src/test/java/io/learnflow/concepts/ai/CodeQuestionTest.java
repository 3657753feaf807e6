package io.learnflow.concepts.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeQuestionTest {

    @ParameterizedTest
    @ValueSource(strings = { "what does this code print?", "What is the output of this?", "what will this show",
            "what happens when I run this", "¿Qué imprime este código?" })
    void aQuestionAboutWhatCodeDoesWithCodeIsRun(String question) {
        assertThat(CodeQuestion.snippetOf(question, "print(1)")).contains("print(1)");
    }

    @Test
    void theCodeMayBeFencedInTheText() {
        assertThat(CodeQuestion.snippetOf("what does this print?\n```python\nprint(2 ** 3)\n```", null))
                .contains("print(2 ** 3)\n");
    }

    @Test
    void aQuestionWithoutCodeOrAboutSomethingElseIsNotRun() {
        assertThat(CodeQuestion.snippetOf("what does print do?", null)).isEmpty();
        assertThat(CodeQuestion.snippetOf("is this good style?", "x=1")).isEmpty();
    }
}
