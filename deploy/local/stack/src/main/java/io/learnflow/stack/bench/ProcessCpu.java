package io.learnflow.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of LearnFlow's processes from {@code /proc}: each service with what its exited children used (the sandbox's
 * runs), the launcher (which runs the Kafka broker), and PostgreSQL (every postgres process, and what its exited
 * children used).
 */
final class ProcessCpu {

    private static final double MS_PER_TICK = 10.0;

    private final Map<String, Long> pids;

    ProcessCpu(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** Milliseconds of CPU used so far, per process name. */
    Map<String, Double> now() {
        Map<String, Double> used = new LinkedHashMap<>();
        pids.forEach((name, pid) -> used.put(name, ticks(pid, true) * MS_PER_TICK));
        used.put("postgres", postgresTicks() * MS_PER_TICK);
        return used;
    }

    private static double postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .mapToLong(p -> {
                        long pid = Long.parseLong(p.getFileName().toString());
                        String[] stat = stat(pid);
                        if (stat == null || !stat[1].equals("(postgres)")) {
                            return 0;
                        }
                        String[] parent = stat(Long.parseLong(stat[3]));
                        boolean postmaster = parent == null || !parent[1].equals("(postgres)");
                        return ticks(pid, postmaster);
                    })
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long ticks(long pid, boolean withChildren) {
        String[] stat = stat(pid);
        if (stat == null) {
            return 0;
        }
        long own = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        return withChildren ? own + Long.parseLong(stat[15]) + Long.parseLong(stat[16]) : own;
    }

    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = line.lastIndexOf(')');
            String name = line.substring(line.indexOf('('), close + 1).replace(' ', '_');
            String[] rest = line.substring(close + 2).split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = line.substring(0, line.indexOf(' '));
            fields[1] = name;
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
