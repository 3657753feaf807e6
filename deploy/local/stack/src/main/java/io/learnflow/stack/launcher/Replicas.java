package io.learnflow.stack.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/** How many instances of each service to run: {@code debug=3,exercise=2}; a service not named runs once. */
public record Replicas(Map<String, Integer> counts) {

    public static final int MAX = 6;

    public static Replicas none() {
        return new Replicas(Map.of());
    }

    public static Replicas parse(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new Replicas(counts);
        }
        for (String entry : text.split(",")) {
            String[] parts = entry.strip().split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("replicas are SERVICE=N[,SERVICE=N...], not '" + entry + "'");
            }
            counts.put(service(parts[0].strip()), count(parts[1].strip()));
        }
        return new Replicas(counts);
    }

    static String service(String name) {
        if (!LearnFlowSystem.SERVICES.contains(name)) {
            throw new IllegalArgumentException("no service '" + name + "'; the services are " + LearnFlowSystem.SERVICES);
        }
        return name;
    }

    /** At least one; at most the partitions of a topic, since more consumers in one group would sit idle. */
    static int count(String text) {
        int count;
        try {
            count = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an instance count is a number from 1 to " + MAX + ", not '" + text + "'");
        }
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("an instance count is a number from 1 to " + MAX + ", not " + count);
        }
        return count;
    }

    public int of(String service) {
        return counts.getOrDefault(service, 1);
    }
}
