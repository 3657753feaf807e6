package io.learnflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.learnflow.stack.DatabaseProbe;
import io.learnflow.stack.launcher.LearnFlowClient;
import io.learnflow.stack.launcher.LearnFlowSystem;

/**
 * One LearnFlow (LocalStack, the five packaged services and the web page) for every test class of this JVM, started
 * before the first and stopped after the last, when every process it started must be gone.
 */
final class RunningLearnFlow implements BeforeAllCallback {

    static LearnFlowSystem system;
    static LearnFlowClient client;
    static DatabaseProbe db;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningLearnFlow.class, key -> start(), Started.class);
    }

    private static Started start() {
        try {
            system = LearnFlowSystem.start(Path.of(System.getProperty("learnflow.root")),
                    Path.of(System.getProperty("learnflow.logs")), 0);
        } catch (Exception e) {
            throw new IllegalStateException("LearnFlow did not start", e);
        }
        System.out.printf("system-test: LocalStack, five services and the web page ready in %d ms%n",
                system.startupMillis());
        client = new LearnFlowClient(system.urlOf("triage"), system.urlOf("progress"));
        db = new DatabaseProbe(system.stack().endpoints());
        return new Started(system);
    }

    record Started(LearnFlowSystem system) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            List<Long> pids = system.allPids();
            system.close();
            pids.forEach(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("service process " + pid + " still running after stop").isFalse());
        }
    }
}
