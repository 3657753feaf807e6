package io.learnflow.debug.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LeakGuardTest {

    static final String CODE = "def total_to(n):\n    total = 0\n    for i in range(1, n):\n        total = total + i\n"
            + "    return total\n";

    @Test
    void aCodeBlockWithAChangedCopyOfTheStudentsLineIsWithheld() {
        String answer = "Try this:\n```python\nfor i in range(1, n + 1):\n```\nand run it.";

        assertThat(LeakGuard.leaks(List.of(answer), List.of(), CODE)).containsExactly("for i in range(1, n + 1):");
        assertThat(LeakGuard.clean(answer, List.of(), CODE)).doesNotContain("n + 1").contains("left for you to write");
    }

    @Test
    void theFixedLineIsWithheldEvenOutsideACodeBlock() {
        String answer = "Change it to for i in range(1, n + 1): and it works.";

        assertThat(LeakGuard.clean(answer, List.of("    for i in range(1, n + 1):"), CODE)).doesNotContain("n + 1");
    }

    @Test
    void quotingTheStudentsOwnLineOrTheCataloguesExampleIsNoLeak() {
        String answer = "Line 3:\n```python\nfor i in range(1, n):\n```\n" + DebugHints.OTHER_PROGRAM
                + "```python\nlist(range(1, 4))\n```";

        assertThat(LeakGuard.leaks(List.of(answer), List.of("for i in range(1, n + 1):"), CODE)).isEmpty();
        assertThat(LeakGuard.clean(answer, List.of("for i in range(1, n + 1):"), CODE)).isEqualTo(answer);
    }
}
