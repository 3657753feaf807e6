package io.learnflow.model.database;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL connection URL as hosting platforms and CloudNativePG's {@code uri} secret give it
 * ({@code postgresql://user:password@host:port/db?sslmode=require}, or {@code postgres://...}), or as a JDBC URL
 * ({@code jdbc:postgresql://host:port/db?user=..&password=..&sslmode=..}).
 *
 * <p>It splits the URL into what JDBC and the reactive client each take: URLs without credentials, the user and the
 * password apart. Its {@link #toString()} and every error message leave the password out.
 */
public final class DatabaseUrl {

    public static final int DEFAULT_PORT = 5432;
    public static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");
    private static final List<String> SCHEMES = List.of("jdbc:postgresql://", "postgresql://", "postgres://");

    private final String host;
    private final int port;
    private final String database;
    private final String username;
    private final String password;
    private final String sslMode;

    private DatabaseUrl(String host, int port, String database, String username, String password, String sslMode) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
        this.sslMode = sslMode;
    }

    /** @throws IllegalArgumentException naming what is wrong, never quoting the password */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the database URL is empty");
        }
        String text = url.strip();
        String scheme = SCHEMES.stream().filter(text::startsWith).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a database URL starts with postgresql://, "
                        + "postgres:// or jdbc:postgresql://"));
        String rest = text.substring(scheme.length());
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);

        // the last '@' ends the credentials, so that a password with an unencoded '/' or '@' still parses
        int at = beforeQuery.lastIndexOf('@');
        String userInfo = at < 0 ? null : beforeQuery.substring(0, at);
        String hostAndPath = beforeQuery.substring(at + 1);
        int slash = hostAndPath.indexOf('/');
        String hostAndPort = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        String database = slash < 0 ? "" : decode(hostAndPath.substring(slash + 1), "database name");
        if (database.isEmpty()) {
            throw new IllegalArgumentException("the database URL names no database: add /DATABASE after the host");
        }

        String host;
        String portText;
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("the database URL's IPv6 host has no closing ']'");
            }
            host = hostAndPort.substring(1, close);
            String afterHost = hostAndPort.substring(close + 1);
            if (!afterHost.isEmpty() && !afterHost.startsWith(":")) {
                throw new IllegalArgumentException("the database URL's IPv6 host must be followed by :PORT or /DATABASE");
            }
            portText = afterHost.isEmpty() ? "" : afterHost.substring(1);
        } else {
            int colon = hostAndPort.lastIndexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
            portText = colon < 0 ? "" : hostAndPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the database URL names no host");
        }
        if (host.indexOf(',') >= 0) {
            throw new IllegalArgumentException("the database URL names several hosts; give one");
        }
        if (!hostAndPort.startsWith("[") && host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("the database URL's IPv6 host must be in brackets, as in [::1]:5432");
        }

        String username = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
        }
        String sslMode = null;
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            switch (name) {
                case "user" -> username = decode(value, "user name");
                case "password" -> password = decode(value, "password");
                case "sslmode" -> sslMode = sslMode(decode(value, "sslmode"));
                default -> {
                    // other parameters (application_name, connect_timeout, ...) are the driver's business
                }
            }
        }
        return new DatabaseUrl(host, port(portText), database, emptyToNull(username), password, sslMode);
    }

    private static int port(String text) {
        if (text.isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("the database URL's port must be between 1 and 65535");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the database URL's port is not a number");
        }
    }

    private static String sslMode(String value) {
        if (!SSL_MODES.contains(value)) {
            throw new IllegalArgumentException("sslmode '" + value + "' is not one of " + String.join(", ", SSL_MODES));
        }
        return value;
    }

    /** Percent-decoding as in a URI: unlike form decoding, '+' stays '+'. */
    private static String decode(String text, String part) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("the database URL's " + part + " has an incomplete %-escape");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("the database URL's " + part + " has an invalid %-escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** The user name, or null when the URL names none (the driver then uses the operating system's user). */
    public String username() {
        return username;
    }

    /** The password, or null when the URL gives none. */
    public String password() {
        return password;
    }

    public Optional<String> sslMode() {
        return Optional.ofNullable(sslMode);
    }

    /** True for 127.0.0.1, ::1 and localhost: a database on this machine. */
    public boolean isLocal() {
        return host.equals("127.0.0.1") || host.equals("::1") || host.equalsIgnoreCase("localhost");
    }

    /** {@code jdbc:postgresql://host:port/db}, with {@code ?sslmode=} when given; never credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + address() + sslMode().map(mode -> "?sslmode=" + mode).orElse("");
    }

    /** {@code postgresql://host:port/db}: the reactive client takes the SSL mode as a property of its own. */
    public String reactiveUrl() {
        return "postgresql://" + address();
    }

    /** The same database as another login: how a service's own role reaches it. */
    public DatabaseUrl as(String username, String password) {
        return new DatabaseUrl(host, port, database, username, password, sslMode);
    }

    /** {@code postgresql://user:***@host:port/db}: what may be logged. */
    public String redacted() {
        String credentials = username == null ? "" : username + (password == null ? "" : ":***") + "@";
        return "postgresql://" + credentials + address() + sslMode().map(mode -> "?sslmode=" + mode).orElse("");
    }

    private String address() {
        String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return shownHost + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return redacted();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseUrl that && port == that.port && host.equals(that.host)
                && database.equals(that.database) && Objects.equals(username, that.username)
                && Objects.equals(password, that.password) && Objects.equals(sslMode, that.sslMode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, username, sslMode);
    }
}
