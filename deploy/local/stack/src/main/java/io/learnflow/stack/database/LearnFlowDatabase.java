package io.learnflow.stack.database;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.learnflow.model.database.DatabaseUrl;
import io.learnflow.stack.DatabaseBootstrap;

/**
 * The database a {@code ./learnflow db} command works on: an administrator's login to it, the service roles'
 * passwords, the checkout whose changelogs it applies, and where progress lines go.
 *
 * @param admin    a login that may create roles and schemas
 * @param root     the repository checkout, where each service's changelog is
 * @param home     {@code .learnflow}: the role passwords' file and the backups
 * @param progress where progress lines go; never a password
 */
public record LearnFlowDatabase(DatabaseUrl admin, RolePasswords passwords, Path root, Path home, PrintStream progress) {

    private static final String INVALID_PASSWORD = "28P01";

    public Connection connectAdmin() throws SQLException {
        Connection connection = DatabaseBootstrap.connect(admin);
        utc(connection);
        return connection;
    }

    /**
     * A connection acting as the service's own role, so that what it creates is the role's: logged in with the role's
     * password, or, where the role exists with another password (the running LearnFlow's, say), the administrator's
     * login switched to the role with {@code SET ROLE}, leaving the role's password as the services know it.
     */
    public Connection connectAs(String service) throws SQLException {
        try {
            Connection connection = DatabaseBootstrap.connect(admin.as(service, passwords.of(service)));
            utc(connection);
            return connection;
        } catch (SQLException e) {
            if (!INVALID_PASSWORD.equals(e.getSQLState())) {
                throw e;
            }
        }
        progress.println("  role " + service + " has a password other than " + passwords.file().getFileName()
                + "'s: acting as it through the administrator's login (SET ROLE)");
        Connection connection = connectAdmin();
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET ROLE " + service);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Rows are copied out and in as text: the same time zone on both sides keeps timestamps and checksums equal. */
    private static void utc(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET TIME ZONE 'UTC'");
        }
    }
}
