package io.learnflow.sandbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the exception type, message and line out of a Python traceback, whether the sandbox captured it or a student
 * pasted it. Frames inside Python's own library are skipped, so the line is the last one in the student's code; for a
 * run in the sandbox, the file is the student's file name.
 */
public final class TracebackParser {

    private static final Pattern EXCEPTION_LINE = Pattern.compile(
            "^\\s*((?:[A-Za-z_][\\w]*\\.)*[A-Z][A-Za-z]*(?:Error|Exception|Exit|Interrupt|Warning))(?::\\s?(.*))?\\s*$",
            Pattern.MULTILINE);
    private static final Pattern ERROR_IN_PROSE = Pattern.compile(
            "\\b([A-Z][A-Za-z]*(?:Error|Exception))\\b(?::\\s?([^\\n]*))?");
    private static final Pattern FRAME = Pattern.compile("File \"([^\"]*)\", line (\\d+)");
    private static final Pattern LIBRARY_PATH = Pattern.compile(
            "[/\\\\](lib|Lib)[/\\\\]python|site-packages|<frozen|/sandbox/control/");
    private static final Pattern BARE_LINE = Pattern.compile("\\bline (\\d+)");
    private static final String SANDBOX_CODE = "/sandbox/code/";

    private TracebackParser() {
    }

    public static Optional<PythonError> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher exception = EXCEPTION_LINE.matcher(text);
        if (!exception.find()) {
            exception = ERROR_IN_PROSE.matcher(text);
        }
        exception.reset();
        String type = null;
        String message = "";
        int exceptionAt = -1;
        while (exception.find()) {
            type = exception.group(1);
            message = exception.group(2) == null ? "" : exception.group(2).trim();
            exceptionAt = exception.start();
        }
        if (type == null) {
            return Optional.empty();
        }
        String file = null;
        Integer line = null;
        Matcher frame = FRAME.matcher(text);
        while (frame.find() && frame.start() < exceptionAt) {
            if (!LIBRARY_PATH.matcher(frame.group(1)).find()) {
                file = frame.group(1).startsWith(SANDBOX_CODE) ? frame.group(1).substring(SANDBOX_CODE.length())
                        : frame.group(1);
                line = Integer.parseInt(frame.group(2));
            }
        }
        if (line == null) {
            Matcher bare = BARE_LINE.matcher(text);
            if (bare.find()) {
                line = Integer.parseInt(bare.group(1));
            }
        }
        return Optional.of(new PythonError(type.substring(type.lastIndexOf('.') + 1), message, file, line));
    }
}
