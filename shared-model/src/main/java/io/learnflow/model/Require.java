package io.learnflow.model;

/** Checks applied by the event records' constructors, so that an invalid event cannot exist. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        return value;
    }

    static String text(String value, String field) {
        if (present(value, field).isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' must not be blank");
        }
        return value;
    }

    static double within(double value, double min, double max, String field) {
        if (value < min || value > max || Double.isNaN(value)) {
            throw new IllegalArgumentException("field '" + field + "' must be within [" + min + ", " + max + "] but was " + value);
        }
        return value;
    }
}
