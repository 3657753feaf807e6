package io.learnflow.stack.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ./learnflow db export DIR}: {@code users.json} from triage's users, by {@code created_at} and id, each with
 * LearnFlow's fields in a fixed order and then the fields it keeps for them; {@code units/<module>.json} from concepts'
 * units and lessons, with the exercise bank's items from exercise, each as the file that went in wrote it. Written in
 * {@link SeedJson}'s one form, so that export, import and export give the same bytes.
 */
final class SeedExport {

    record Exported(int users, int units) {
    }

    private final LearnFlowDatabase database;

    SeedExport(LearnFlowDatabase database) {
        this.database = database;
    }

    Exported export(Path folder) {
        try (Connection admin = database.connectAdmin()) {
            ObjectNode users = SeedJson.JSON.createObjectNode();
            ArrayNode list = users.putArray("users");
            try (Statement sql = admin.createStatement(); ResultSet rows = sql.executeQuery("""
                    SELECT id, owner_key, email, first_name, last_name, role, password_hash, time_zone, created_at,
                        seed_json::text
                    FROM triage.student_profile ORDER BY created_at, id""")) {
                while (rows.next()) {
                    ObjectNode user = list.addObject().put("id", rows.getString(1)).put("owner_key", rows.getString(2))
                            .put("email", rows.getString(3)).put("first_name", rows.getString(4))
                            .put("last_name", rows.getString(5))
                            .put("role", rows.getString(6).toLowerCase(Locale.ROOT))
                            .put("password_hash", rows.getString(7)).put("time_zone", rows.getString(8))
                            .put("created_at", rows.getTimestamp(9).toInstant().toString());
                    if (rows.getString(10) != null) {
                        user.setAll((ObjectNode) SeedJson.read(rows.getString(10)));
                    }
                }
            }
            SeedJson.write(folder.resolve(SeedImport.USERS), users);
            int units = 0;
            try (Statement sql = admin.createStatement(); ResultSet rows = sql.executeQuery(
                    "SELECT id, module, unit_json::text FROM concepts.curriculum_unit ORDER BY module")) {
                while (rows.next()) {
                    ObjectNode unit = (ObjectNode) SeedJson.read(rows.getString(3));
                    unit.set("lessons", lessons(admin, rows.getString(1)));
                    SeedJson.write(folder.resolve(SeedImport.UNITS).resolve(rows.getString(2) + ".json"), unit);
                    units++;
                }
            }
            return new Exported(list.size(), units);
        } catch (SQLException | JsonProcessingException e) {
            throw new DatabaseCommandFailed("cannot export the curriculum: " + e.getMessage(), e);
        }
    }

    private static ArrayNode lessons(Connection admin, String unitId) throws SQLException, JsonProcessingException {
        ArrayNode lessons = SeedJson.JSON.createArrayNode();
        try (PreparedStatement query = admin.prepareStatement(
                "SELECT lesson_json::text FROM concepts.lesson WHERE unit_id = ? ORDER BY position")) {
            query.setString(1, unitId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lessons.add(SeedJson.read(rows.getString(1)));
                }
            }
        }
        Map<String, JsonNode> items = items(admin, lessons);
        for (JsonNode lesson : lessons) {
            JsonNode exerciseBank = lesson.path("package").path("exercise_bank");
            for (String kind : List.of("mcq", "code")) {
                if (exerciseBank.get(kind) instanceof ArrayNode ids) {
                    for (int i = 0; i < ids.size(); i++) {
                        JsonNode item = items.get(ids.get(i).asText());
                        if (item == null) {
                            throw new DatabaseCommandFailed("the exercise item " + ids.get(i).asText() + " of lesson "
                                    + lesson.path("id").asText() + " is not in exercise.exercise: start the exercise "
                                    + "service once, or run ./learnflow db seed");
                        }
                        ids.set(i, item);
                    }
                }
            }
        }
        return lessons;
    }

    private static Map<String, JsonNode> items(Connection admin, ArrayNode lessons)
            throws SQLException, JsonProcessingException {
        List<String> ids = new ArrayList<>();
        for (JsonNode lesson : lessons) {
            JsonNode exerciseBank = lesson.path("package").path("exercise_bank");
            for (String kind : List.of("mcq", "code")) {
                exerciseBank.path(kind).forEach(id -> ids.add(id.asText()));
            }
        }
        Map<String, JsonNode> items = new HashMap<>();
        try (PreparedStatement query = admin.prepareStatement(
                "SELECT id, seed_json FROM exercise.exercise WHERE id = ANY (?) AND seed_json IS NOT NULL")) {
            query.setArray(1, admin.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.put(rows.getString(1), SeedJson.read(rows.getString(2)));
                }
            }
        }
        return items;
    }
}
