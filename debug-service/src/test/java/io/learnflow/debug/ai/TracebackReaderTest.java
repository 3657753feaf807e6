package io.learnflow.debug.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TracebackReaderTest {

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
        assertThat(TracebackReader.read(traceback)).contains(new PythonError("ZeroDivisionError", "division by zero", 3));
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
        assertThat(TracebackReader.read(traceback)).get()
                .satisfies(error -> {
                    assertThat(error.type()).isEqualTo("JSONDecodeError");
                    assertThat(error.line()).isEqualTo(4);
                });
    }

    @Test
    void readsABareErrorLineWithoutFrames() {
        assertThat(TracebackReader.read("I get KeyError: 'age' when I run it"))
                .contains(new PythonError("KeyError", "'age' when I run it", 0));
        assertThat(TracebackReader.read("my loop prints the wrong thing")).isEmpty();
        assertThat(TracebackReader.read(null)).isEmpty();
    }
}
