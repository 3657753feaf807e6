package io.learnflow.concepts.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.learnflow.model.QueryRouted;
import io.learnflow.model.QueryType;
import io.learnflow.model.RoutingDecision;

class AnswerGuardTest {

    static QueryRouted query(String code, String exerciseId) {
        return new QueryRouted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                "how do I add up a list?", code, null, null, null, null,
                new RoutingDecision(QueryType.CONCEPT, 0.9, "asks how", "test"), 1, null, null, exerciseId);
    }

    static final String SHORT_EXAMPLE = "Use sum() [lists-basics]:\n```python\nprint(sum([1, 2, 3]))  # 6\n```\n";

    @Test
    void aShortExampleAboutTheConceptIsShown() {
        assertThat(AnswerGuard.breach(SHORT_EXAMPLE, query("def total(xs):\n    pass\n", null))).isEmpty();
        assertThat(AnswerGuard.breach("A loop repeats [loops-for].", query(null, "mbpp-12"))).isEmpty();
    }

    @Test
    void rewritingTheStudentsFunctionIsRefused() {
        String answer = "Like this [lists-basics]:\n```python\ndef total(xs):\n    return sum(xs)\n```";
        assertThat(AnswerGuard.breach(answer, query("def total(xs):\n    t = 0\n", null)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("total()"));
        assertThat(AnswerGuard.breach(answer, query(null, null))).isEmpty();
    }

    @Test
    void anyFunctionWhileWorkingOnAnExerciseIsRefused() {
        String answer = "```python\ndef helper(n):\n    return n * 2\n```";
        assertThat(AnswerGuard.breach(answer, query(null, "lf-loops-3"))).isPresent();
    }

    @Test
    void moreCodeThanAShortExampleIsRefused() {
        String answer = "```python\n" + "x = 1\n".repeat(AnswerGuard.MAX_EXAMPLE_LINES + 1) + "```";
        assertThat(AnswerGuard.breach(answer, query(null, null)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("lines of code"));
    }
}
