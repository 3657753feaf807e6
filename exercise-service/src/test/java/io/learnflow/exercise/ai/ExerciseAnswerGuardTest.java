package io.learnflow.exercise.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.learnflow.exercise.model.Exercise;

class ExerciseAnswerGuardTest {

    static final String ATTEMPT = "def sum_to(n):\n    total = 0\n    for i in range(1, n):\n        total += i\n"
            + "    return total\n";

    static Exercise sumTo() {
        Exercise exercise = new Exercise();
        exercise.id = "lf-loops-1";
        exercise.functionName = "sum_to";
        exercise.starterCode = "def sum_to(n):\n    pass\n";
        exercise.solutionCode = "def sum_to(n):\n    total = 0\n    for i in range(1, n + 1):\n        total += i\n"
                + "    return total\n";
        return exercise;
    }

    @Test
    void anExplanationThatQuotesTheStudentsOwnLineIsShown() {
        assertThat(ExerciseAnswerGuard.breach("Your loop `for i in range(1, n):` stops before n. Which numbers does it "
                + "visit for n = 4?\n```python\nfor i in range(1, n):\n```", sumTo(), ATTEMPT)).isEmpty();
    }

    @Test
    void aLineOfTheSolutionIsRefusedEvenOutsideACodeBlockAndSpacedDifferently() {
        assertThat(ExerciseAnswerGuard.breach("Write for i in range(1,n+1): instead.", sumTo(), ATTEMPT))
                .contains("the AI model's answer contained a line of the solution");
    }

    @Test
    void aFunctionIsRefusedWhateverItsName() {
        assertThat(ExerciseAnswerGuard.breach("Like this:\n```python\ndef add_up(n):\n    return n * (n + 1) // 2\n```",
                sumTo(), ATTEMPT)).contains("the AI model's answer wrote a function for the exercise");
        assertThat(ExerciseAnswerGuard.breach("def sum_to(n): return sum(range(n + 1))", sumTo(), ATTEMPT))
                .contains("the AI model's answer wrote a function for the exercise");
    }

    @Test
    void moreThanOneLineOfNewCodeIsRefused() {
        assertThat(ExerciseAnswerGuard.breach("Try:\n```python\nfor i in range(n):\n    total += i + 1\n```", sumTo(),
                ATTEMPT)).contains("the AI model's answer wrote 2 lines of code");
    }
}
