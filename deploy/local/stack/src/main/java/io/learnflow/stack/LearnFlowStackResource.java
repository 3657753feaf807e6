package io.learnflow.stack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service's {@code @QuarkusTest}s at the JVM's one {@link LocalStack}, started on first use.
 * The init argument {@code service} names the service, and so its schema and database role.
 */
public class LearnFlowStackResource implements QuarkusTestResourceLifecycleManager {

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
        if (service == null) {
            throw new IllegalArgumentException("LearnFlowStackResource needs the init argument 'service'");
        }
    }

    @Override
    public Map<String, String> start() {
        return LocalStack.shared().endpoints().serviceConfig(service);
    }

    @Override
    public void stop() {
        // the stack outlives one application start: it is shared by every test of the JVM and stopped at exit
    }
}
