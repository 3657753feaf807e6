package io.learnflow.stack.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tables of LearnFlow's schemas as the catalog tells them, less Liquibase's own. */
final class LearnFlowTables {

    static final Set<String> LIQUIBASE_TABLES = Set.of("databasechangelog", "databasechangeloglock");

    /** One table: its columns in their order. */
    record Table(String schema, String name, List<String> columns) {

        String qualified() {
            return quoted(schema) + "." + quoted(name);
        }

        String columnList() {
            return String.join(", ", columns.stream().map(LearnFlowTables::quoted).toList());
        }

        /** md5 of the rows as text, sorted bytewise: equal on two databases exactly when their rows are. */
        String checksumQuery() {
            String row = "ROW(" + columnList() + ")::text";
            return "SELECT md5(coalesce(string_agg(" + row + ", E'\\n' ORDER BY " + row + " COLLATE \"C\"), '')) FROM "
                    + qualified();
        }
    }

    private LearnFlowTables() {
    }

    /** The schema's tables, each after the tables it references, so that rows can be loaded in this order. */
    static List<Table> of(Connection connection, String schema) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT c.relname, a.attname
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attgenerated = ''
                ORDER BY c.relname, a.attnum""")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (!LIQUIBASE_TABLES.contains(rows.getString(1))) {
                        columns.computeIfAbsent(rows.getString(1), table -> new ArrayList<>())
                                .add(rows.getString(2));
                    }
                }
            }
        }
        Map<String, Set<String>> references = new LinkedHashMap<>();
        columns.keySet().forEach(table -> references.put(table, new LinkedHashSet<>()));
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT child.relname, parent.relname
                FROM pg_constraint k
                JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = child.relnamespace
                WHERE k.contype = 'f' AND n.nspname = ? AND parent.relnamespace = child.relnamespace""")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (references.containsKey(rows.getString(1)) && !rows.getString(1).equals(rows.getString(2))) {
                        references.get(rows.getString(1)).add(rows.getString(2));
                    }
                }
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < columns.size()) {
            boolean progressed = false;
            for (String table : columns.keySet()) {
                if (!placed.contains(table) && placed.containsAll(references.get(table))) {
                    placed.add(table);
                    ordered.add(new Table(schema, table, columns.get(table)));
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new DatabaseCommandFailed("the foreign keys of schema " + schema + " form a cycle");
            }
        }
        return ordered;
    }

    /** The schema's sequences and where each stands; a sequence never used is left out. */
    static Map<String, Long> sequences(Connection connection, String schema) throws SQLException {
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = ? AND last_value IS NOT NULL"
                        + " ORDER BY sequencename")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sequences.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return sequences;
    }

    /** Always quoted: a column may bear a keyword's name. */
    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
