package io.learnflow.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One check of a student's code. */
public sealed interface TestCase {

    /** Writes this check into {@code node} as the sandbox's harness reads it. */
    default ObjectNode writeTo(ObjectNode node) {
        if (this instanceof AssertTest assertion) {
            node.put("kind", "assert").put("code", assertion.code());
        } else if (this instanceof CallTest call) {
            node.put("kind", "call").put("function", call.function());
            node.set("args", call.args());
            node.set("expected", call.expected());
        } else if (this instanceof StdioTest stdio) {
            node.put("kind", "stdio").put("stdin", stdio.stdin()).put("expected", stdio.expectedStdout());
        }
        return node;
    }

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
