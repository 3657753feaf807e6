package io.learnflow.sandbox;

import static io.learnflow.sandbox.Sandboxes.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnflow.sandbox.TestCase.AssertTest;
import io.learnflow.sandbox.TestCase.CallTest;

/** The grader on real programs: MBPP reference solutions and QuixBugs' buggy and corrected programs. */
class RealProgramsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> QUIXBUGS_WITH_JSON_TESTS = List.of("bitcount", "bucketsort", "find_in_sorted", "gcd",
            "hanoi", "kheapsort", "kth", "levenshtein", "longest_common_subsequence", "mergesort", "next_palindrome",
            "pascal", "powerset", "sieve", "subsequences");
    static final List<String> QUIXBUGS_GRAPHS = List.of("detect_cycle", "reverse_linked_list",
            "shortest_path_length", "shortest_paths", "topological_ordering");
    static final Pattern FUNCTION = Pattern.compile("assert\\W*(?:set\\()?\\s*([A-Za-z_]\\w*)\\(");

    static String resource(String path) {
        try (InputStream in = RealProgramsTest.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + path, e);
        }
    }

    static List<JsonNode> mbpp() throws IOException {
        List<JsonNode> problems = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                RealProgramsTest.class.getResourceAsStream("/mbpp/mbpp_bank.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    problems.add(JSON.readTree(line));
                }
            }
        }
        return problems;
    }

    static TestSuiteRequest mbppSuite(JsonNode problem, String code) {
        List<TestCase> tests = new ArrayList<>();
        problem.path("test_list").forEach(t -> tests.add(new AssertTest(t.asText())));
        return new TestSuiteRequest(Map.of("solution.py", code), "solution.py",
                problem.path("test_setup_code").asText(""), tests, Duration.ofSeconds(5), null, false);
    }

    @Test
    void everyMbppReferenceSolutionPassesAndABrokenOneFails() throws IOException {
        assertEveryReferencePassesAndEveryBrokenOneFails((test, code) -> {
            Matcher function = FUNCTION.matcher(test);
            return function.find() ? function.group(1) : null;
        }, (problem, code) -> Sandboxes.SHARED.runTests(mbppSuite(problem, code)));
    }

    /**
     * Every MBPP reference solution passes its tests and a broken version of each (the function the first test calls,
     * redefined to {@code return None}) fails, run as {@code run} runs them, as many at once as the sandbox queues.
     */
    static void assertEveryReferencePassesAndEveryBrokenOneFails(
            BiFunction<String, String, String> functionUnderTest,
            BiFunction<JsonNode, String, CompletableFuture<TestSuiteResult>> run) throws IOException {
        List<JsonNode> problems = mbpp();
        Map<Integer, CompletableFuture<TestSuiteResult>> reference = new LinkedHashMap<>();
        Map<Integer, CompletableFuture<TestSuiteResult>> broken = new LinkedHashMap<>();
        Semaphore inFlight = new Semaphore(Sandboxes.SHARED.config().queueCapacity());
        for (JsonNode problem : problems) {
            int id = problem.path("task_id").asInt();
            String code = problem.path("code").asText().replace("\r\n", "\n");
            reference.put(id, throttled(inFlight, () -> run.apply(problem, code)));
            String function = functionUnderTest.apply(problem.path("test_list").get(0).asText(), code);
            assertThat(function).as("function name of task %d", id).isNotNull();
            broken.put(id, throttled(inFlight, () -> run.apply(problem,
                    code + "\n\ndef " + function + "(*args, **kwargs):\n    return None\n")));
        }
        List<String> referenceFailures = new ArrayList<>();
        List<Integer> brokenPassing = new ArrayList<>();
        reference.forEach((id, result) -> {
            TestSuiteResult r = await(result);
            if (!r.allPassed()) {
                referenceFailures.add(id + ": " + r.tests());
            }
        });
        broken.forEach((id, result) -> {
            if (await(result).allPassed()) {
                brokenPassing.add(id);
            }
        });
        assertThat(problems).hasSize(474);
        assertThat(referenceFailures).as("reference solutions that fail their own asserts").isEmpty();
        assertThat(brokenPassing).as("broken solutions (returning None) that pass").isEmpty();
    }

    @Test
    void everyQuixBugsBuggyProgramFailsAndEveryCorrectedOnePasses() throws IOException {
        for (String name : QUIXBUGS_WITH_JSON_TESTS) {
            List<TestCase> tests = new ArrayList<>();
            for (String line : resource("quixbugs/json_testcases/" + name + ".json").split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode testCase = JSON.readTree(line);
                if (name.equals("levenshtein") && testCase.get(0).get(0).asText().startsWith("amanaplan")) {
                    continue; // QuixBugs' own test skips this case: "Takes too long to pass!"
                }
                JsonNode args = testCase.get(0).isArray() ? testCase.get(0) : JSON.createArrayNode().add(testCase.get(0));
                tests.add(new CallTest(name, args, testCase.get(1)));
            }
            TestSuiteResult buggy = suite(name, resource("quixbugs/python_programs/" + name + ".py"), tests,
                    Duration.ofSeconds(1));
            TestSuiteResult correct = suite(name, resource("quixbugs/correct_python_programs/" + name + ".py"), tests,
                    Duration.ofSeconds(10));
            assertThat(buggy.allPassed()).as("buggy %s passes all %d tests", name, tests.size()).isFalse();
            assertThat(correct.allPassed()).as("corrected %s: %s", name, correct.tests()).isTrue();
        }
    }

    @Test
    void everyQuixBugsGraphProgramIsCaughtByItsOwnTests() {
        for (String name : QUIXBUGS_GRAPHS) {
            assertThat(graphRun(name, "python_programs").succeeded()).as("buggy %s passes its tests", name).isFalse();
            ProgramResult correct = graphRun(name, "correct_python_programs");
            assertThat(correct.succeeded()).as("corrected %s: %s", name, correct.stdout() + correct.stderr()).isTrue();
        }
    }

    /** Keeps at most as many runs in flight as the sandbox queues, as a caller that grades a whole bank must. */
    static CompletableFuture<TestSuiteResult> throttled(Semaphore inFlight,
            Supplier<CompletableFuture<TestSuiteResult>> run) {
        inFlight.acquireUninterruptibly();
        return run.get().whenComplete((result, failure) -> inFlight.release());
    }

    /** Buggy programs may loop forever on a case, so they get a short budget; levenshtein's fix needs seconds. */
    static TestSuiteResult suite(String name, String source, List<TestCase> tests, Duration perTest) {
        return await(Sandboxes.SHARED.runTests(new TestSuiteRequest(Map.of(name + ".py", source), name + ".py", null,
                tests, perTest, null, false)));
    }

    /** QuixBugs' pytest file, its program and node.py, run by a small driver that calls every test function. */
    static ProgramResult graphRun(String name, String folder) {
        String tests = resource("quixbugs/python_testcases/test_" + name + ".py")
                .replaceAll("(?s)if pytest\\.use_correct:.*?else:\\s*\\n\\s*from python_programs\\." + name
                        + " import " + name, "from " + name + " import " + name);
        String driver = """
                import sys, test_%s as tests
                failed = 0
                for test in sorted(n for n in dir(tests) if n.startswith("test")):
                    try:
                        getattr(tests, test)()
                        print(test, "passed")
                    except Exception as e:
                        failed += 1
                        print(test, "FAILED", type(e).__name__, e)
                sys.exit(1 if failed else 0)
                """.formatted(name);
        Map<String, String> files = Map.of("main.py", driver, "test_" + name + ".py", tests, name + ".py",
                resource("quixbugs/" + folder + "/" + name + ".py"), "node.py",
                resource("quixbugs/python_programs/node.py"), "pytest.py", "use_correct = False\n");
        return await(Sandboxes.SHARED.run(new ProgramRequest(files, "main.py", "", List.of(),
                Sandboxes.SHORT.withWallTime(Duration.ofSeconds(6)))));
    }
}
