package io.learnflow.concepts.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.learnflow.model.LearningModule;

class ConceptRetrieverTest {

    static ConceptRetriever retriever;
    static ConceptLookup lookup;

    @BeforeAll
    static void loadTheEncoder() {
        retriever = new ConceptRetriever(Curriculum.shipped());
        lookup = new ConceptLookup(retriever, RetrievalSettings.DEFAULT);
    }

    @AfterAll
    static void close() {
        retriever.close();
    }

    /** An entry's id, or only a module where two entries of it answer the question equally well. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "how do I get the last character of a word | strings",
            "why is my variable a string after input, how do I turn it into a number | variables-conversion",
            "what does the % operator do | variables-arithmetic",
            "how do I stop a loop early when I found what I was looking for | loops-break-continue",
            "my list changed when I changed the copy of it, why | lists-aliasing",
            "how do I count how many times each word appears | dictionaries-counting",
            "how do I make a child class use the parent's constructor | classes-super",
            "when do I use elif | conditionals-elif",
            "what is the point of __str__ | classes-str-repr" })
    void findsTheEntryABeginnerNeeds(String question, String expected) {
        Retrieval retrieval = retriever.retrieve(question, null, RetrievalSettings.DEFAULT);

        assertThat(retrieval.covered()).isTrue();
        CurriculumEntry entry = retrieval.best().entry();
        assertThat(expected.contains("-") ? entry.id() : entry.module().json()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "how do I start two threads and share a lock between them",
            "what is pip and how do I install numpy",
            "how do I read a csv file with pandas",
            "what is a lambda expression" })
    void saysNotCoveredForTopicsOutsideTheCurriculum(String question) {
        assertThat(retriever.retrieve(question, null, RetrievalSettings.DEFAULT).covered()).isFalse();
    }

    @Test
    void readsAQuestionInSpanishThroughTheGlossary() {
        Retrieval retrieval = retriever.retrieve("¿Qué es un diccionario y cómo busco un valor por su clave?", null,
                RetrievalSettings.DEFAULT);

        assertThat(retrieval.covered()).isTrue();
        assertThat(retrieval.best().entry().module()).isEqualTo(LearningModule.DICTIONARIES);
    }

    @Test
    void theStudentsModuleBreaksATieBetweenModules() {
        String question = "how do I take a slice from index 1 to 3";

        assertThat(retriever.retrieve(question, LearningModule.STRINGS, RetrievalSettings.DEFAULT).best().entry().id())
                .isEqualTo("strings-slicing");
        assertThat(retriever.retrieve(question, LearningModule.LISTS, RetrievalSettings.DEFAULT).best().entry().id())
                .isEqualTo("lists-slicing");
    }

    @Test
    void offersTheTwoNearestOtherEntriesAsFollowUps() {
        Retrieval retrieval = retriever.retrieve("what is the difference between sort and sorted", null,
                RetrievalSettings.DEFAULT);

        assertThat(retrieval.nearest(2, false)).hasSize(2)
                .allSatisfy(m -> assertThat(m.entry().id()).isNotEqualTo(retrieval.best().entry().id()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "strings-slicing | and for lists? | lists-slicing",
            "lists-adding | what about dictionaries? | dictionaries-modifying",
            "loops-for | and with a dict? | dictionaries-iterating" })
    void aFollowUpNamingAnotherModuleAsksTheSameThingThere(String previousId, String followUp, String expectedId) {
        CurriculumEntry previous = retriever.curriculum().byId(previousId).orElseThrow();

        ConceptLookup.Lookup lookedUp = lookup.lookUp(followUp, null, Optional.of(previous));

        assertThat(lookedUp.followUp()).isTrue();
        assertThat(lookedUp.retrieval().covered()).isTrue();
        assertThat(lookedUp.retrieval().best().entry().id()).isEqualTo(expectedId);
    }

    @Test
    void aFollowUpWithoutAModuleStaysNearThePreviousEntry() {
        CurriculumEntry previous = retriever.curriculum().byId("lists-sorting").orElseThrow();

        ConceptLookup.Lookup lookedUp = lookup.lookUp("and backwards?", null, Optional.of(previous));

        assertThat(lookedUp.followUp()).isTrue();
        assertThat(lookedUp.retrieval().best().entry().module()).isEqualTo(LearningModule.LISTS);
    }

    @Test
    void aStandaloneQuestionInASessionIsNotReadAsAFollowUp() {
        CurriculumEntry previous = retriever.curriculum().byId("functions-def-call").orElseThrow();

        ConceptLookup.Lookup lookedUp = lookup.lookUp("what is a decorator in python", null, Optional.of(previous));

        assertThat(lookedUp.followUp()).isFalse();
        assertThat(lookedUp.retrieval().covered()).isFalse();
    }
}
