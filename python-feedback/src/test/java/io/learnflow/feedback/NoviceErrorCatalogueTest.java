package io.learnflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.learnflow.sandbox.ProgramRequest;
import io.learnflow.sandbox.ProgramResult;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.SandboxConfig;
import io.learnflow.sandbox.SandboxLimits;
import io.learnflow.sandbox.TestCase;
import io.learnflow.sandbox.TestSuiteRequest;
import io.learnflow.sandbox.TestSuiteResult;

/** Every entry of the catalogue, recognised in a real run of a real buggy program in the sandbox. */
class NoviceErrorCatalogueTest {

    static final SandboxLimits SHORT = SandboxLimits.DEFAULT.withCpuTime(Duration.ofSeconds(2))
            .withWallTime(Duration.ofSeconds(2));
    static final Sandbox SANDBOX = new Sandbox(SandboxConfig.defaults().withLimits(SHORT).withPool(2, 100));
    static final NoviceErrorCatalogue CATALOGUE = new NoviceErrorCatalogue();

    /** entry id, program, its stdin, its tests ("assert ..." lines, separated by newlines), the line to report. */
    static Stream<Arguments> buggyPrograms() {
        return Stream.of(
                Arguments.of("tab-error", "def f():\n    x = 1\n\treturn x\n", "", "", 3),
                Arguments.of("indentation", "def f():\nreturn 1\n", "", "", 2),
                Arguments.of("missing-colon", "n = 3\nif n > 2\n    print('big')\n", "", "", 2),
                Arguments.of("unclosed-bracket", "total = (1 + 2\nprint(total)\n", "", "", 1),
                Arguments.of("assign-in-condition", "n = 3\nif n = 3:\n    print('three')\n", "", "", 2),
                Arguments.of("unterminated-string", "print('hello)\n", "", "", 1),
                Arguments.of("syntax", "x = 3 +* 4\n", "", "", 1),
                Arguments.of("shadowed-builtin", "list = [3, 1, 2]\nitems = list('abc')\n", "", "", 1),
                Arguments.of("input-is-string", "age = input()\nif age > 17:\n    print('adult')\n", "20\n", "", 2),
                Arguments.of("str-plus-int", "count = 3\nprint('apples: ' + count)\n", "", "", 2),
                Arguments.of("string-immutable", "word = 'cat'\nword[0] = 'b'\nprint(word)\n", "", "", 2),
                Arguments.of("function-not-called", "def greet():\n    return 'hi'\n\nprint(greet)\n", "", "", 4),
                Arguments.of("not-callable", "price = 2\ntotal = price(3 + 1)\n", "", "", 2),
                Arguments.of("none-from-list-method", "def ordered(xs):\n    xs = xs.sort()\n    return xs\n", "",
                        "assert ordered([3, 1, 2]) == [1, 2, 3]", 2),
                Arguments.of("print-instead-of-return", "def double(n):\n    print(n * 2)\n", "",
                        "assert double(4) == 8", 2),
                Arguments.of("missing-return", "def is_even(n):\n    n % 2 == 0\n", "", "assert is_even(4) == True", 1),
                Arguments.of("unbound-local", "count = 0\ndef bump():\n    count = count + 1\n    return count\nbump()\n",
                        "", "", 3),
                Arguments.of("name-typo", "name = 'Ana'\nprint('Hello ' + nmae)\n", "", "", 2),
                Arguments.of("name-undefined", "print(total)\ntotal = 5\n", "", "", 1),
                Arguments.of("attribute-typo", "text = 'hi'\nprint(text.uper())\n", "", "", 2),
                Arguments.of("attribute-missing", "items = (1, 2)\nitems.append(3)\n", "", "", 2),
                Arguments.of("index-off-by-one", "nums = [1, 2, 3]\nfor i in range(len(nums) + 1):\n    print(nums[i])\n",
                        "", "", 3),
                Arguments.of("index-out-of-range", "days = []\nprint(days[0])\n", "", "", 2),
                Arguments.of("key-missing", "ages = {'ana': 20}\nprint(ages['bo'])\n", "", "", 2),
                Arguments.of("int-of-text", "n = int('abc')\n", "", "", 1),
                Arguments.of("zero-division", "marks = []\nprint(sum(marks) / len(marks))\n", "", "", 2),
                Arguments.of("recursion-without-end", "def down(n):\n    return down(n - 1)\ndown(3)\n", "", "", 2),
                Arguments.of("reads-missing-input", "a = input()\nb = input()\nprint(a + b)\n", "1\n", "", 2),
                Arguments.of("modify-while-iterating",
                        "def drop_evens(xs):\n    for x in xs:\n        if x % 2 == 0:\n            xs.remove(x)\n"
                                + "    return xs\n", "", "assert drop_evens([2, 4, 5]) == [5]", 4),
                Arguments.of("loop-variable-unchanged", "n = 3\nwhile n > 0:\n    print('tick')\n", "", "", 2),
                Arguments.of("endless-loop", "n = 1\nwhile n != 10:\n    n += 2\n", "", "", null),
                Arguments.of("memory-limit", "xs = [0]\nwhile True:\n    xs = xs + xs\n", "", "", null),
                Arguments.of("output-flood", "while True:\n    print('spam' * 100)\n", "", "", null),
                Arguments.of("is-instead-of-equals", "def is_yes(word):\n    return word is 'yes'\n", "",
                        "assert is_yes(''.join(['y', 'e', 's'])) == True", 2),
                Arguments.of("mutable-default", "def add(item, bag=[]):\n    bag.append(item)\n    return bag\n", "",
                        "assert add(1) == [1]\nassert add(2) == [2]", 1),
                Arguments.of("return-in-loop",
                        "def total(prices):\n    s = 0\n    for p in prices:\n        s += p\n        return s\n", "",
                        "assert total([1, 2, 3]) == 6", 5),
                Arguments.of("range-bounds",
                        "def sum_to(n):\n    s = 0\n    for i in range(1, n):\n        s += i\n    return s\n", "",
                        "assert sum_to(3) == 6", 3),
                Arguments.of("type-mismatch", "print(len(5))\n", "", "", 1),
                Arguments.of("exception", "raise RuntimeError('stop')\n", "", "", 1),
                Arguments.of("wrong-result", "def area(w, h):\n    return w + h\n", "", "assert area(2, 3) == 6", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("buggyPrograms")
    void recognisesTheMistakeInARealRun(String id, String code, String stdin, String tests, Integer line) {
        Optional<Finding> finding = CATALOGUE.diagnose(observe(code, stdin, tests));

        assertThat(finding).as("a finding for %s", id).isPresent();
        assertThat(finding.get().error().id()).isEqualTo(id);
        if (line != null) {
            assertThat(finding.get().line()).as("the line of %s", id).isEqualTo(line);
        }
    }

    @Test
    void everyEntryHasAProgramThatShowsIt() {
        Set<String> tested = buggyPrograms().map(a -> (String) a.get()[0]).collect(Collectors.toSet());

        assertThat(CATALOGUE.entries()).hasSizeGreaterThanOrEqualTo(25)
                .allSatisfy(entry -> assertThat(tested).as("a test program for %s", entry.id()).contains(entry.id()));
        assertThat(CATALOGUE.entries()).extracting(NoviceError::id).doesNotHaveDuplicates();
    }

    @Test
    void aShapeOfCodeCountsOnlyAtTheLocalisedLine() {
        String code = "def scaled(xs, k):\n    out = []\n    for i in range(len(xs)):\n        out.append(xs[i] + k)\n"
                + "    return out\n";
        Observation wrong = observe(code, "", "assert scaled([1, 2], 3) == [3, 6]");

        assertThat(CATALOGUE.diagnose(wrong).get().error().id()).isEqualTo("range-bounds");
        assertThat(CATALOGUE.diagnose(wrong, 4).get().error().id()).isEqualTo("wrong-result");
    }

    @Test
    void aProgramThatWorksShowsNoMistake() {
        assertThat(CATALOGUE.diagnose(observe("def add(a, b):\n    return a + b\nprint(add(2, 3))\n", "",
                "assert add(2, 3) == 5"))).isEmpty();
    }

    static Observation observe(String code, String stdin, String tests) {
        ProgramResult run = await(SANDBOX.run(ProgramRequest.of(code).withStdin(stdin)));
        TestSuiteResult suite = null;
        if (!tests.isBlank()) {
            List<TestCase> cases = new ArrayList<>();
            Arrays.stream(tests.split("\n")).map(TestCase.AssertTest::new).forEach(cases::add);
            suite = await(SANDBOX.runTests(new TestSuiteRequest(Map.of("solution.py", code), "solution.py", null,
                    cases, Duration.ofSeconds(1), null, true)));
        }
        return Observation.of(code, run, suite);
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void close() {
        SANDBOX.close();
    }
}
