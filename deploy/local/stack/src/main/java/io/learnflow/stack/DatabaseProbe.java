package io.learnflow.stack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads rows straight from the stack's database, as the administrator: how tests check what a service stored. */
public final class DatabaseProbe {

    private final StackEndpoints endpoints;

    public DatabaseProbe(StackEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DatabaseBootstrap.connect(endpoints.databaseAs(endpoints.admin()));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        row.put(columns.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    public long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    /** Runs a statement as the given service's own database role. */
    public int executeAs(String service, String sql) {
        DatabaseLogin login = endpoints.loginOf(service);
        try (Connection connection = DatabaseBootstrap.connect(endpoints.databaseAs(login)); PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
