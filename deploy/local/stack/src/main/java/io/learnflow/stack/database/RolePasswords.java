package io.learnflow.stack.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.learnflow.stack.DatabaseBootstrap;

/**
 * The password of each service's database role: {@code LEARNFLOW_<SERVICE>_DB_PASSWORD} when set, otherwise one
 * generated once and kept in {@code .learnflow/db-roles.properties} (readable by its owner only), reused next time.
 * A generated password is written by {@link #keep()}, which migrate calls before it creates a role with it.
 */
public final class RolePasswords {

    static final String FILE_NAME = "db-roles.properties";

    private final Map<String, String> passwords;
    private final Path file;
    private final Properties stored;
    private boolean generated;

    private RolePasswords(Map<String, String> passwords, Path file, Properties stored, boolean generated) {
        this.passwords = passwords;
        this.file = file;
        this.stored = stored;
        this.generated = generated;
    }

    public static RolePasswords load(Path home, Map<String, String> environment) {
        Path file = home.resolve(FILE_NAME);
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        boolean generated = false;
        for (String service : DatabaseBootstrap.SERVICES) {
            String given = environment.get(variable(service));
            if (given != null && !given.isEmpty()) {
                passwords.put(service, given);
            } else {
                if (stored.getProperty(service) == null) {
                    stored.setProperty(service, DatabaseBootstrap.randomPassword());
                    generated = true;
                }
                passwords.put(service, stored.getProperty(service));
            }
        }
        return new RolePasswords(passwords, file, stored, generated);
    }

    /** Writes the passwords generated for this run, so that the next run reuses them. */
    public void keep() {
        if (generated) {
            write(file, stored);
            generated = false;
        }
    }

    static String variable(String service) {
        return "LEARNFLOW_" + service.toUpperCase(Locale.ROOT) + "_DB_PASSWORD";
    }

    private static void write(Path file, Properties stored) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(partial)) {
                stored.store(writer, "LearnFlow's service database roles; LEARNFLOW_<SERVICE>_DB_PASSWORD overrides one");
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public String of(String service) {
        return passwords.get(service);
    }

    public Map<String, String> all() {
        return Map.copyOf(passwords);
    }

    public Path file() {
        return file;
    }
}
