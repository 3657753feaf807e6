package io.learnflow.k8s.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.learnflow.k8s.Overlay;
import io.learnflow.k8s.render.Manifests;

/**
 * Every document is a kind LearnFlow's validation models, at the API version its operator serves, and uses only
 * fields its model knows: fabric8's and Strimzi's models keep unknown fields aside (reported here), LearnFlow's KEDA
 * and CloudNativePG records refuse them.
 */
public final class KnownResources implements Rule {

    @Override
    public String name() {
        return "known-resources";
    }

    @Override
    public List<Violation> check(Overlay overlay) {
        Findings findings = new Findings(name());
        for (Manifests.Problem problem : overlay.manifests().problems()) {
            findings.add(problem.resource(), problem.message());
        }
        for (Object resource : overlay.manifests().resources()) {
            if (resource instanceof HasMetadata typed) {
                unknownFields(typed, "", findings, typed.getKind() + "/" + typed.getMetadata().getName());
            }
        }
        return findings.list();
    }

    private static void unknownFields(Object node, String path, Findings findings, String resource) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", findings, resource);
            }
            return;
        }
        if (node instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> unknownFields(value, path + "." + key, findings, resource));
            return;
        }
        if (!isModel(node.getClass())) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.isBridge()
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if ("getAdditionalProperties".equals(getter.getName())) {
                if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    findings.add(resource, "unknown field(s) " + unknown.keySet() + " at " + (path.isEmpty() ? "/" : path));
                }
            } else {
                unknownFields(value, path + "." + property(getter), findings, resource);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.");
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
