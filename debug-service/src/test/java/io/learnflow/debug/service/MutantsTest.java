package io.learnflow.debug.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.learnflow.feedback.StudentCode;

class MutantsTest {

    static List<String> variants(String code, int line) {
        return Mutants.of(new StudentCode(code), line).stream().map(m -> m.changedLine().strip()).toList();
    }

    @Test
    void comparisonsNumbersAndOffByOnesAreTried() {
        String code = "def f(xs, n):\n    while n < len(xs) - 1:\n        n = n + 2\n    return n\n";

        assertThat(variants(code, 2)).contains("while n <= len(xs) - 1:", "while n < len(xs):",
                "while n < len(xs) - 2:", "while n < len(xs) - 0:");
        assertThat(variants(code, 3)).contains("n = n - 2", "n = n + 3", "n = n + 1", "n = 2 + n");
    }

    @Test
    void namesOfTheSameFunctionArgumentsAndLogicAreSwapped() {
        String code = "def move(start, end, helper):\n    if start and end:\n        return step(start, helper)\n";

        assertThat(variants(code, 2)).contains("if start or end:", "if helper and end:");
        assertThat(variants(code, 3)).contains("return step(helper, start)", "return step(start, end)");
    }

    @Test
    void aVariantNamesTheTokenItReplaces() {
        assertThat(new Mutant(1, MutationKind.COMPARISON, "if a < b:", "if a <= b:").replacedToken()).isEqualTo("<");
        assertThat(new Mutant(1, MutationKind.NAME, "x = start + 1", "x = end + 1").replacedToken()).isEqualTo("start");
    }

    @Test
    void definitionsAndCommentsAreNotChanged() {
        assertThat(variants("def f(a, b=1):\n    # a < b\n    return a\n", 1)).isEmpty();
        assertThat(variants("def f(a, b=1):\n    # a < b\n    return a\n", 2)).isEmpty();
    }
}
