package io.learnflow.triage.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NotCommonPassword}: the password, ignoring case, is not on the shipped list. */
public class CommonPasswords implements ConstraintValidator<NotCommonPassword, String> {

    private static final Set<String> COMMON = load();

    @Override
    public boolean isValid(String password, ConstraintValidatorContext context) {
        return password == null || !COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        InputStream list = CommonPasswords.class.getClassLoader().getResourceAsStream("security/common-passwords.txt");
        if (list == null) {
            throw new IllegalStateException("security/common-passwords.txt is missing from the class path");
        }
        Set<String> common = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    common.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }
}
