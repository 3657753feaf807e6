package io.learnflow.debug.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DebugAnswerGuardTest {

    static final String CODE = "def total_to(n):\n    total = 0\n    for i in range(1, n):\n        total = total + i\n"
            + "    return total\n";
    static final List<String> FIXES = List.of("    for i in range(1, n + 1):");

    @Test
    void anExplanationThatQuotesTheStudentsLinesIsShown() {
        assertThat(DebugAnswerGuard.breach("Look at this line:\n```python\nfor i in range(1, n):\n```\nWhich numbers "
                + "does it give for n = 3?", FIXES, CODE)).isEmpty();
    }

    @Test
    void theFixedLineIsRefusedInOrOutOfACodeBlock() {
        assertThat(DebugAnswerGuard.breach("Change it to for i in range(1, n + 1): and it works.", FIXES, CODE))
                .contains("the AI model's answer contained the corrected code");
        assertThat(DebugAnswerGuard.breach("```python\nfor i in range(1, n+1):\n```", FIXES, CODE))
                .contains("the AI model's answer contained the corrected code");
    }

    @Test
    void aRewriteIsRefusedEvenWhenTheAnalysisFoundNoFix() {
        assertThat(DebugAnswerGuard.breach("```python\ndef total_to(n):\n    return sum(range(n + 1))\n"
                + "print(total_to(3))\n```", List.of(), CODE)).contains("the AI model's answer wrote 2 lines of new code");
    }
}
