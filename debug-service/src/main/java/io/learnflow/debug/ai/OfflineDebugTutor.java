package io.learnflow.debug.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.debug.service.CodeAnalysis;
import io.learnflow.debug.service.DebugProblem;
import io.learnflow.debug.service.DebugSandbox;
import io.learnflow.debug.service.Diagnosis;
import io.learnflow.debug.service.HintLadderService;
import io.learnflow.debug.service.StudentTests;
import io.learnflow.debug.service.SuspiciousLine;
import io.learnflow.feedback.Finding;
import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.feedback.Observation;
import io.learnflow.feedback.StudentCode;
import io.learnflow.model.LearningModule;
import io.learnflow.model.QueryRouted;
import io.learnflow.sandbox.PythonError;
import io.learnflow.sandbox.TracebackParser;
import io.learnflow.specialist.ai.TutorAnswer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs the student's code in the sandbox, says what actually happened, localises the fault and gives the next step of
 * the hint ladder. It never writes the corrected line or program, however it is asked. Without a sandbox it reads
 * the pasted traceback instead, and says it could not run the code.
 */
@ApplicationScoped
public class OfflineDebugTutor {

    private static final Logger LOG = Logger.getLogger(OfflineDebugTutor.class);

    private static final Pattern ASKS_FOR_THE_FIX = Pattern.compile("(?i)\\b(give|show|send|write|tell|paste)\\b.{0,40}"
            + "\\b(fix(ed)?|correct(ed)?|full|whole|complete|working|right|answer|solution)\\b"
            + "|\\bjust (fix|solve|correct) it\\b|\\bteacher (said|says|allow)|\\b(fixed|corrected|correct) (code|line|"
            + "version|program)\\b|\\bthe (solution|answer)\\b");
    static final String REFUSAL = "I won't write the corrected line or program for you, however it is asked: making "
            + "the change yourself is what makes it stick. Here is the next step instead.";

    private final DebugSandbox sandbox;
    private final HintLadderService ladder;
    private final NoviceErrorCatalogue catalogue;

    public OfflineDebugTutor(DebugSandbox sandbox, HintLadderService ladder, NoviceErrorCatalogue catalogue) {
        this.sandbox = sandbox;
        this.ladder = ladder;
        this.catalogue = catalogue;
    }

    /**
     * The offline answer, and the lines that would fix the student's code where the analysis found them (what no
     * answer may contain).
     */
    public record DebugAnswer(TutorAnswer answer, List<String> fixedLines) {

        static DebugAnswer withoutFixes(TutorAnswer answer) {
            return new DebugAnswer(answer, List.of());
        }
    }

    public String name() {
        return "debug-offline-v2";
    }

    public Uni<TutorAnswer> answer(QueryRouted query) {
        return prepare(query).map(DebugAnswer::answer);
    }

    public Uni<DebugAnswer> prepare(QueryRouted query) {
        if (query.code() == null || query.code().isBlank()) {
            return Uni.createFrom().item(() -> DebugAnswer.withoutFixes(fromTraceback(query, null)));
        }
        Optional<CodeAnalysis> analysis = sandbox.analysis();
        if (analysis.isEmpty()) {
            return Uni.createFrom().item(() -> DebugAnswer.withoutFixes(fromTraceback(query,
                    sandbox.unavailableBecause().orElse(""))));
        }
        DebugProblem problem = StudentTests.problem(query.code(), query.stdin(), query.tests());
        Executor back = onThisContext();
        return Uni.createFrom().completionStage(() -> analysis.get().analyse(problem))
                .emitOn(back)
                .map(Optional::of)
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "the analysis of query %s failed; reading its traceback instead",
                            query.queryId());
                    return Optional.empty();
                })
                .chain(diagnosis -> diagnosis.isEmpty() || diagnosis.get().outcome() == Diagnosis.Outcome.NOT_RUN
                        ? Uni.createFrom().item(DebugAnswer.withoutFixes(fromTraceback(query,
                                diagnosis.map(Diagnosis::notRun).orElse("the sandbox run failed"))))
                        : ladder.climb(query, diagnosis.get())
                                .map(step -> hint(query, problem, diagnosis.get(), step)));
    }

    /** The sandbox completes on its own threads; the database session lives on the caller's Vert.x context. */
    private static Executor onThisContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    private DebugAnswer hint(QueryRouted query, DebugProblem problem, Diagnosis diagnosis, int step) {
        String content = step == 0 ? DebugHints.whatHappened(diagnosis, new StudentCode(problem.code()))
                : DebugHints.write(step, diagnosis, problem.code());
        if (asksForTheFix(query.queryText())) {
            content = REFUSAL + "\n\n" + content;
        }
        List<String> fixes = new ArrayList<>();
        diagnosis.ranked().stream().map(SuspiciousLine::fixingMutant).filter(m -> m != null)
                .forEach(m -> fixes.add(m.changedLine()));
        content = LeakGuard.clean(content, fixes, query.code());
        LearningModule module = query.module() != null ? query.module()
                : diagnosis.finding() != null ? diagnosis.finding().error().module() : moduleOfCode(query.code());
        boolean located = diagnosis.passes() || diagnosis.location() != null;
        boolean tested = diagnosis.testsTotal() > 0;
        return new DebugAnswer(new TutorAnswer("hint", content, module, located, query.exerciseId(),
                tested ? diagnosis.testsPassed() : null, tested ? diagnosis.testsTotal() : null,
                diagnosis.finding() != null ? diagnosis.finding().error().id() : null,
                tested ? diagnosis.passes() : null, diagnosis.location() != null ? diagnosis.confidence() : null),
                List.copyOf(fixes));
    }

    static boolean asksForTheFix(String text) {
        return text != null && ASKS_FOR_THE_FIX.matcher(text).find();
    }

    /** The pasted traceback read as before the sandbox: {@code couldNotRun} says why the code was not run, if it was given. */
    private TutorAnswer fromTraceback(QueryRouted query, String couldNotRun) {
        Optional<PythonError> error = TracebackParser.parse(query.errorText())
                .or(() -> TracebackParser.parse(query.queryText()));
        String preface = couldNotRun == null ? "" : "I could not run your code this time (" + couldNotRun.strip()
                + "), so this comes from the error you pasted, not from a run.\n\n";
        if (error.isEmpty()) {
            return TutorAnswer.of("hint", preface + askForTheError(query), query.module() != null ? query.module()
                    : moduleOfCode(query.code()), false);
        }
        StudentCode code = new StudentCode(query.code());
        Observation observation = new Observation(code, error.get(), "", "", null, false, null, List.of(), 0, 0);
        Optional<Finding> finding = catalogue.diagnose(observation);
        PythonError e = error.get();
        StringBuilder text = new StringBuilder(preface).append("**What happened:** Python stopped with `")
                .append(e.type()).append('`');
        if (e.line() != null) {
            text.append(" on line ").append(e.line());
        }
        text.append(e.message().isEmpty() ? "." : ": " + e.message());
        code.line(e.line()).ifPresent(l -> text.append("\n```python\n").append(l.strip()).append("\n```"));
        finding.ifPresent(f -> {
            text.append("\n\n**What it means:** ").append(f.error().meaning());
            text.append("\n\n**Hint:** ").append(f.detail() != null ? f.detail() + ". " : "").append(f.error().look());
        });
        if (finding.isEmpty()) {
            text.append("\n\n**Hint:** read the message, then print the values used on that line just before it runs.");
        }
        text.append("\n\nTry the fix yourself, run it again, and send me the new error if there is one.");
        if (asksForTheFix(query.queryText())) {
            text.insert(0, REFUSAL + "\n\n");
        }
        LearningModule module = query.module() != null ? query.module()
                : finding.map(f -> f.error().module()).orElse(moduleOfCode(query.code()));
        return new TutorAnswer("hint", text.toString(), module, finding.isPresent(), query.exerciseId(), null, null,
                finding.map(f -> f.error().id()).orElse(null), null, null);
    }

    private static String askForTheError(QueryRouted query) {
        String text = query.queryText().toLowerCase(Locale.ROOT);
        String symptom;
        if (text.contains("none")) {
            symptom = "Getting `None` usually means a function prints its result instead of `return`ing it, or a list "
                    + "method such as `sort()` (which returns None) was assigned.";
        } else if (text.contains("infinite") || text.contains("never stop") || text.contains("stuck")
                || text.contains("hang")) {
            symptom = "A loop that never ends usually has a condition that never becomes false: check that the "
                    + "variable in the `while` condition changes inside the loop.";
        } else {
            symptom = "Add `print(...)` lines before the part that misbehaves to see the values, and compare them "
                    + "with what you expected.";
        }
        return "I couldn't find an error message or code in what you sent. " + symptom
                + "\n\nSend your code (and the whole traceback if Python shows one, from `Traceback (most recent call "
                + "last)` to the last line), and tell me what you expected to happen.";
    }

    private static LearningModule moduleOfCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (code.contains("class ")) {
            return LearningModule.CLASSES;
        }
        if (code.contains("def ")) {
            return LearningModule.FUNCTIONS;
        }
        if (code.contains("for ") || code.contains("while ")) {
            return LearningModule.LOOPS;
        }
        if (code.contains("if ")) {
            return LearningModule.CONDITIONALS;
        }
        return LearningModule.VARIABLES;
    }
}
