package io.learnflow.concepts.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.learnflow.model.LearningModule;

class KnowledgeBaseTest {

    final KnowledgeBase knowledge = new KnowledgeBase();

    @Test
    void coversEveryBeginnerModule() {
        for (LearningModule module : LearningModule.values()) {
            assertThat(knowledge.ofModule(module)).as(module.json()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "how does range work in a for loop? | loops-for",
            "what's the difference between == and is | variables-equality-identity",
            "why does my function return None instead of the value, print vs return | functions-def-return",
            "how do I count words with a dictionary | dictionaries-counting",
            "what does self mean in a class | classes-basics",
            "how do I split a string into words | strings-methods",
            "what is a list comprehension | lists-comprehensions",
            "what is the difference between a list and a dictionary | dictionaries-vs-lists"})
    void findsTheEntryAStudentNeeds(String question, String expectedId) {
        assertThat(knowledge.bestFor(question, null)).get()
                .satisfies(scored -> assertThat(scored.entry().id()).isEqualTo(expectedId));
    }

    @Test
    void unrelatedQuestionMatchesNothing() {
        assertThat(knowledge.bestFor("zzz qqq", null)).isEmpty();
    }
}
