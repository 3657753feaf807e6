package io.learnflow.specialist.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;

class HandBackRulesTest {

    private static final String TRACEBACK = "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n"
            + "    print(items[5])\nIndexError: list index out of range";

    @Test
    void conceptsAndExerciseHandATracebackToDebug() {
        assertThat(HandBackRules.check(ServiceName.CONCEPTS, "what does this mean", "print(items[5])", TRACEBACK))
                .hasValueSatisfying(handBack -> assertThat(handBack.suggested()).isEqualTo(QueryType.DEBUG));
        assertThat(HandBackRules.check(ServiceName.EXERCISE, "here is my solution\n" + TRACEBACK, null, null))
                .hasValueSatisfying(handBack -> assertThat(handBack.suggested()).isEqualTo(QueryType.DEBUG));
        assertThat(HandBackRules.check(ServiceName.DEBUG, "why?", "print(items[5])", TRACEBACK)).isEmpty();
    }

    @Test
    void aRequestForPracticeGoesToExerciseUnlessItReportsAFailure() {
        assertThat(HandBackRules.check(ServiceName.DEBUG, "give me an exercise on loops please", null, null))
                .hasValueSatisfying(handBack -> assertThat(handBack.suggested()).isEqualTo(QueryType.EXERCISE));
        assertThat(HandBackRules.check(ServiceName.CONCEPTS, "can I practise dictionaries?", null, null))
                .hasValueSatisfying(handBack -> assertThat(handBack.suggested()).isEqualTo(QueryType.EXERCISE));
        assertThat(HandBackRules.check(ServiceName.DEBUG, "give me an exercise, my loop is wrong", null, null))
                .isEmpty();
        assertThat(HandBackRules.check(ServiceName.EXERCISE, "give me an exercise on loops", null, null)).isEmpty();
    }

    @Test
    void conceptsHandsAQuestionAboutWhatATaskRequiresToExercise() {
        assertThat(HandBackRules.check(ServiceName.CONCEPTS, "do I have to use recursion in task 3?", null, null))
                .hasValueSatisfying(handBack -> assertThat(handBack.suggested()).isEqualTo(QueryType.EXERCISE));
        assertThat(HandBackRules.check(ServiceName.CONCEPTS, "can I use break inside a for loop?", null, null))
                .isEmpty();
    }

    @Test
    void debugHandsAQuestionThatReportsNothingWrongToConcepts() {
        assertThat(HandBackRules.check(ServiceName.DEBUG, "what is a dictionary?", null, null))
                .hasValueSatisfying(handBack -> assertThat(handBack.suggested()).isEqualTo(QueryType.CONCEPT));
        assertThat(HandBackRules.check(ServiceName.DEBUG, "why does my loop print nothing?", null, null)).isEmpty();
        assertThat(HandBackRules.check(ServiceName.DEBUG, "why do I get invalid syntax on the if line?", null, null))
                .isEmpty();
        assertThat(HandBackRules.check(ServiceName.DEBUG, "how do I use return? it said total was not defined", null,
                null)).isEmpty();
        assertThat(HandBackRules.check(ServiceName.DEBUG, "what does a KeyError mean here?", null, null)).isEmpty();
        assertThat(HandBackRules.check(ServiceName.DEBUG, "what should I look at?", "for i in range(3)\n    print(i)",
                null)).isEmpty();
    }

    @Test
    void exerciseHandsAPlainQuestionAboutPythonToConcepts() {
        assertThat(HandBackRules.check(ServiceName.EXERCISE, "what is a loop?", null, null))
                .hasValueSatisfying(handBack -> assertThat(handBack.suggested()).isEqualTo(QueryType.CONCEPT));
        assertThat(HandBackRules.check(ServiceName.EXERCISE, "what is the expected output of task 2?", null, null))
                .isEmpty();
        assertThat(HandBackRules.check(ServiceName.EXERCISE, "how do you tell a wall from a door in task3?", null,
                null)).isEmpty();
        assertThat(HandBackRules.check(ServiceName.EXERCISE, "what is wrong with my loop?", null, null)).isEmpty();
        assertThat(HandBackRules.check(ServiceName.EXERCISE, "what does this do?", "for i in range(3):\n    print(i)",
                null)).isEmpty();
    }

    @Test
    void triageAnswersOtherItselfSoItsSecondRouteIsItsFirst() {
        assertThat(HandBackRules.secondRoute(QueryType.OTHER, "what is a loop?", null, null))
                .isEqualTo(QueryType.OTHER);
        assertThat(HandBackRules.secondRoute(QueryType.EXERCISE, "what is a loop?", null, null))
                .isEqualTo(QueryType.CONCEPT);
        assertThat(HandBackRules.secondRoute(QueryType.CONCEPT, "what is a loop?", null, null))
                .isEqualTo(QueryType.CONCEPT);
    }
}
