package io.learnflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TracebackParserTest {

    @Test
    void readsTypeMessageAndTheStudentsLine() {
        String traceback = """
                Traceback (most recent call last):
                  File "/home/ana/hw.py", line 7, in <module>
                    print(total(nums))
                  File "/home/ana/hw.py", line 3, in total
                    return sum(numbers) / len(numbers)
                ZeroDivisionError: division by zero
                """;
        assertThat(TracebackParser.parse(traceback)).contains(new PythonError("ZeroDivisionError", "division by zero", "/home/ana/hw.py", 3));
    }

    @Test
    void skipsFramesInsidePythonsOwnLibrary() {
        String traceback = """
                Traceback (most recent call last):
                  File "main.py", line 4, in <module>
                    json.loads(text)
                  File "/usr/lib/python3.11/json/__init__.py", line 346, in loads
                    return _default_decoder.decode(s)
                json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)
                """;
        assertThat(TracebackParser.parse(traceback)).get()
                .satisfies(error -> {
                    assertThat(error.type()).isEqualTo("JSONDecodeError");
                    assertThat(error.line()).isEqualTo(4);
                });
    }

    @Test
    void namesTheStudentsFileInTheSandbox() {
        String traceback = "Traceback (most recent call last):\n  File \"/sandbox/control/runner.py\", line 80, in run\n"
                + "  File \"/sandbox/code/main.py\", line 2, in <module>\nNameError: name 'x' is not defined";
        assertThat(TracebackParser.parse(traceback))
                .contains(new PythonError("NameError", "name 'x' is not defined", "main.py", 2));
    }

    @Test
    void readsABareErrorLineWithoutFrames() {
        assertThat(TracebackParser.parse("I get KeyError: 'age' when I run it"))
                .contains(new PythonError("KeyError", "'age' when I run it", null, null));
        assertThat(TracebackParser.parse("my loop prints the wrong thing")).isEmpty();
        assertThat(TracebackParser.parse(null)).isEmpty();
    }
}
