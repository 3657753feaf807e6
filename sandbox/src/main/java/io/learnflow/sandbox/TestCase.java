package io.learnflow.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** One check of a student's code. */
public sealed interface TestCase {

    /** An {@code assert} line run in the module's namespace (MBPP style); {@code ==} comparisons report both sides. */
    record AssertTest(String code) implements TestCase {
    }

    /** A call of {@code function} with JSON arguments, expected to return the JSON value (QuixBugs style). */
    record CallTest(String function, JsonNode args, JsonNode expected) implements TestCase {
    }

    /** The module run as a program with this standard input, expected to print this (trailing space ignored). */
    record StdioTest(String stdin, String expectedStdout) implements TestCase {
    }
}
