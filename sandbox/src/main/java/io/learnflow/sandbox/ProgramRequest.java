package io.learnflow.sandbox;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A program to run: its source files by name, the one to run, its standard input and arguments, and the limits
 * (null for the sandbox's defaults).
 */
public record ProgramRequest(Map<String, String> files, String mainFile, String stdin, List<String> args,
        SandboxLimits limits) {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}\\.py");

    public ProgramRequest {
        files = Map.copyOf(files);
        stdin = stdin == null ? "" : stdin;
        args = args == null ? List.of() : List.copyOf(args);
        requireRunnable(files, mainFile);
    }

    /** The files must be plain module names (they become files of the run) and include the one to run. */
    static void requireRunnable(Map<String, String> files, String mainFile) {
        for (String name : files.keySet()) {
            if (!FILE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("file name '" + name + "' is not a plain Python module name");
            }
        }
        if (!files.containsKey(mainFile)) {
            throw new IllegalArgumentException("the main file '" + mainFile + "' is not among the files");
        }
    }

    public static ProgramRequest of(String source) {
        return new ProgramRequest(Map.of("main.py", source), "main.py", "", List.of(), null);
    }

    public ProgramRequest withStdin(String input) {
        return new ProgramRequest(files, mainFile, input, args, limits);
    }

    public ProgramRequest withLimits(SandboxLimits newLimits) {
        return new ProgramRequest(files, mainFile, stdin, args, newLimits);
    }
}
