package io.learnflow.concepts.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.learnflow.concepts.ai.Curriculum;
import io.learnflow.concepts.ai.CurriculumEntry;
import io.learnflow.model.LearningModule;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The curriculum the tutor answers from, kept in {@code concepts.curriculum_unit} and {@code concepts.lesson}. At
 * start-up the shipped units and their lessons go in where missing, and shipped rows follow a changed shipped unit;
 * a unit or lesson {@code ./learnflow db import} wrote is never overwritten, and an imported unit gets no shipped
 * lesson back. Then the entries are read from the tables, so an imported, edited lesson is what the tutor answers
 * from. Loading data stays apart from the schema's changesets: a table whose lessons cannot be read leaves the tutor on
 * the shipped curriculum, with a warning, rather than failing start-up.
 */
@ApplicationScoped
public class CurriculumStore {

    private static final Logger LOG = Logger.getLogger(CurriculumStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SHIPPED_UNIT = """
            INSERT INTO curriculum_unit (id, module, owner_key, unit_json, source, updated_at)
            SELECT $1::varchar, $2::varchar, $3::varchar, $4::text::json, 'shipped', now()
            WHERE NOT EXISTS (SELECT 1 FROM curriculum_unit WHERE module = $2::varchar AND id <> $1::varchar)
            ON CONFLICT (id) DO UPDATE SET owner_key = EXCLUDED.owner_key, unit_json = EXCLUDED.unit_json,
                updated_at = now()
            WHERE curriculum_unit.source = 'shipped' AND (curriculum_unit.owner_key, curriculum_unit.unit_json::text)
                IS DISTINCT FROM (EXCLUDED.owner_key, EXCLUDED.unit_json::text)""";
    private static final String SHIPPED_LESSON = """
            INSERT INTO lesson (id, unit_id, position, lesson_json, source, updated_at)
            SELECT $1::varchar, $2::varchar, $3::integer, $4::text::json, 'shipped', now()
            WHERE EXISTS (SELECT 1 FROM curriculum_unit WHERE id = $2::varchar AND source = 'shipped')
            ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, position = EXCLUDED.position,
                lesson_json = EXCLUDED.lesson_json, updated_at = now()
            WHERE lesson.source = 'shipped' AND (lesson.unit_id, lesson.position, lesson.lesson_json::text)
                IS DISTINCT FROM (EXCLUDED.unit_id, EXCLUDED.position, EXCLUDED.lesson_json::text)""";
    private static final String LESSONS = """
            SELECT u.module, l.lesson_json::text FROM lesson l JOIN curriculum_unit u ON u.id = l.unit_id
            ORDER BY l.position, l.id""";

    private final Pool database;

    public CurriculumStore(Pool database) {
        this.database = database;
    }

    /** Adds what is missing of the shipped curriculum, then reads the curriculum from the tables. */
    public Curriculum load() {
        int changed = database.withTransaction(this::addShipped).await().atMost(Duration.ofMinutes(1));
        List<Row> rows = new ArrayList<>();
        database.preparedQuery(LESSONS).execute().await().atMost(Duration.ofMinutes(1)).forEach(rows::add);
        try {
            Curriculum curriculum = Curriculum.of(entries(rows));
            LOG.infof("curriculum: %d lessons in concepts.lesson, %d shipped rows inserted or changed",
                    curriculum.entries().size(), changed);
            return curriculum;
        } catch (RuntimeException e) {
            LOG.warnf("concepts.lesson cannot be read as a curriculum (%s): answering from the shipped curriculum",
                    e.getMessage());
            return Curriculum.shipped();
        }
    }

    private Uni<Integer> addShipped(SqlConnection connection) {
        List<Tuple> units = new ArrayList<>();
        List<Tuple> lessons = new ArrayList<>();
        for (Map.Entry<LearningModule, JsonNode> shipped : Curriculum.shippedUnits().entrySet()) {
            ObjectNode unit = shipped.getValue().deepCopy();
            String unitId = unit.path("id").asText();
            ArrayNode lessonIds = JSON.createArrayNode();
            int position = 0;
            for (JsonNode lesson : unit.path("lessons")) {
                lessons.add(Tuple.of(lesson.path("id").asText(), unitId, position++, withItemIds(lesson).toString()));
                lessonIds.add(lesson.path("id").asText());
            }
            unit.set("lessons", lessonIds);
            units.add(Tuple.of(unitId, shipped.getKey().json(), unit.path("owner_key").textValue(), unit.toString()));
        }
        return connection.preparedQuery(SHIPPED_UNIT).executeBatch(units).map(CurriculumStore::rowCount)
                .chain(inserted -> connection.preparedQuery(SHIPPED_LESSON).executeBatch(lessons)
                        .map(result -> inserted + rowCount(result)));
    }

    /** The lesson as concepts keeps it: its exercise bank's items as their ids (exercise keeps the items). */
    static ObjectNode withItemIds(JsonNode lesson) {
        ObjectNode copy = lesson.deepCopy();
        if (copy.path("package").path("exercise_bank") instanceof ObjectNode bank) {
            for (String kind : List.of("mcq", "code")) {
                if (bank.get(kind) instanceof ArrayNode items) {
                    ArrayNode ids = JSON.createArrayNode();
                    items.forEach(item -> ids.add(item.path("id").asText()));
                    bank.set(kind, ids);
                }
            }
        }
        return copy;
    }

    private static List<CurriculumEntry> entries(List<Row> rows) {
        List<CurriculumEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            LearningModule module = LearningModule.fromJson(row.getString(0));
            CurriculumEntry entry;
            try {
                entry = Curriculum.entry(JSON.readTree(row.getString(1)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e.getOriginalMessage(), e);
            }
            if (entry.module() != module) {
                throw new IllegalStateException(entry.id() + " is a lesson of the " + module.json() + " unit but "
                        + "belongs to " + entry.module().json());
            }
            entries.add(entry);
        }
        entries.sort(Comparator.comparing(CurriculumEntry::module));
        return entries;
    }

    private static int rowCount(RowSet<Row> result) {
        int count = 0;
        for (var batch = result; batch != null; batch = batch.next()) {
            count += batch.rowCount();
        }
        return count;
    }
}
