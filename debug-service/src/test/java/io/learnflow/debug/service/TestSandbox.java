package io.learnflow.debug.service;

import java.util.concurrent.TimeUnit;

import io.learnflow.feedback.NoviceErrorCatalogue;
import io.learnflow.sandbox.Sandbox;
import io.learnflow.sandbox.SandboxConfig;

/** One real sandbox per test JVM for the analysis tests, with the service's default settings. */
public final class TestSandbox {

    public static final Sandbox SANDBOX = new Sandbox(SandboxConfig.defaults().withPool(2, 64));
    public static final CodeAnalysis ANALYSIS = new CodeAnalysis(SANDBOX, AnalysisSettings.defaults(),
            new NoviceErrorCatalogue());

    private TestSandbox() {
    }

    public static Diagnosis analyse(DebugProblem problem) {
        try {
            return ANALYSIS.analyse(problem).get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Diagnosis analyse(String code, String stdin, String tests) {
        return analyse(StudentTests.problem(code, stdin, tests));
    }
}
