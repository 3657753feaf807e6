package io.learnflow.concepts.service;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.concepts.ai.EncodedViews;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The curriculum's MiniLM vectors kept in {@code concepts.entry_vector}, so that a start-up encodes only the texts no
 * earlier one did. A failure to read or write them costs time, never the start-up: the tutor then encodes everything.
 */
@ApplicationScoped
public class EntryVectorStore {

    private static final Logger LOG = Logger.getLogger(EntryVectorStore.class);
    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final String SAVE = """
            INSERT INTO entry_vector (text_digest, vector, used_at) VALUES ($1, $2, now())
            ON CONFLICT (text_digest) DO UPDATE SET used_at = now()""";

    private final Pool database;

    public EntryVectorStore(Pool database) {
        this.database = database;
    }

    /** Every kept vector, by digest. */
    public Map<String, float[]> load() {
        Map<String, float[]> known = new HashMap<>();
        try {
            for (Row row : database.query("SELECT text_digest, vector FROM entry_vector").execute().await()
                    .atMost(WAIT)) {
                known.put(row.getString(0), floats(row.getBuffer(1).getBytes()));
            }
        } catch (RuntimeException e) {
            LOG.warnf("concepts.entry_vector cannot be read (%s): every entry is encoded", e.getMessage());
        }
        return known;
    }

    /**
     * Keeps what {@code encoded} added, marks the vectors the curriculum asked for as used today, and deletes those
     * no entry has used for 30 days.
     */
    public void save(EncodedViews encoded) {
        List<Tuple> rows = new ArrayList<>();
        encoded.added().forEach((digest, vector) -> rows.add(Tuple.of(digest, Buffer.buffer(bytes(vector)))));
        try {
            database.withTransaction(connection -> {
                Uni<Void> stored = rows.isEmpty() ? Uni.createFrom().voidItem()
                        : connection.preparedQuery(SAVE).executeBatch(rows).replaceWithVoid();
                return stored
                        .chain(() -> connection.preparedQuery("UPDATE entry_vector SET used_at = now() "
                                + "WHERE text_digest = ANY($1) AND used_at < now() - interval '1 day'")
                                .execute(Tuple.of(encoded.used().toArray(String[]::new))))
                        .chain(() -> connection.query("DELETE FROM entry_vector WHERE used_at < now() - interval "
                                + "'30 days'").execute());
            }).await().atMost(WAIT);
        } catch (RuntimeException e) {
            LOG.warnf("concepts.entry_vector cannot be written (%s): the next start-up encodes them again",
                    e.getMessage());
        }
    }

    private static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
