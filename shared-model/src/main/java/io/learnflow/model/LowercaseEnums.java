package io.learnflow.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The JSON spelling of LearnFlow enums: lowercase names, parsed case-insensitively with a clear error. */
final class LowercaseEnums {

    private LowercaseEnums() {
    }

    static String json(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equalsIgnoreCase(text.trim())) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(LowercaseEnums::json).collect(Collectors.joining(", ")));
    }
}
