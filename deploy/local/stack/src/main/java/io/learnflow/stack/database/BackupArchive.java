package io.learnflow.stack.database;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The layout of a {@code .lf.gz} backup inside its gzip stream: a header, then named entries, the manifest first and
 * then one per table in the manifest's order, each written as length-prefixed chunks ended by an empty chunk, so
 * that a table's rows stream straight from {@code COPY ... TO STDOUT} and back into {@code COPY ... FROM STDIN}.
 */
final class BackupArchive {

    static final String MAGIC = "LEARNFLOW-BACKUP";
    static final int FORMAT = 1;
    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What a backup holds, and what its restore is checked against. */
    record Manifest(int format, String learnflowVersion, String createdAt, String database, List<SchemaContents> schemas) {

        long rows() {
            return schemas.stream().flatMap(schema -> schema.tables().stream()).mapToLong(TableContents::rows).sum();
        }
    }

    /**
     * @param changesets the Liquibase changesets applied to the schema when it was backed up, in their order
     * @param sequences  each used sequence's last value
     */
    record SchemaContents(String name, List<String> changesets, List<TableContents> tables, Map<String, Long> sequences) {
    }

    /** @param checksum md5 of the rows' text, as {@link LearnFlowTables.Table#checksumQuery()} computes it */
    record TableContents(String name, List<String> columns, long rows, String checksum) {

        String entryName(String schema) {
            return schema + "." + name;
        }
    }

    private BackupArchive() {
    }

    static void writeHeader(DataOutputStream out, Manifest manifest) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        try (OutputStream entry = entry(out, MANIFEST)) {
            entry.write(JSON.writeValueAsBytes(manifest));
        }
    }

    static Manifest readHeader(DataInputStream in) throws IOException {
        try {
            if (!MAGIC.equals(in.readUTF())) {
                throw new DatabaseCommandFailed("this file is not a LearnFlow backup");
            }
        } catch (java.io.UTFDataFormatException | EOFException e) {
            throw new DatabaseCommandFailed("this file is not a LearnFlow backup");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new DatabaseCommandFailed("this backup has format " + format + "; this LearnFlow reads format " + FORMAT);
        }
        try (InputStream entry = entry(in, MANIFEST)) {
            return JSON.readValue(entry.readAllBytes(), Manifest.class);
        }
    }

    /** Starts the named entry; closing what it returns ends the entry, not the archive. */
    static OutputStream entry(DataOutputStream out, String name) throws IOException {
        out.writeUTF(name);
        return new ChunkedOutput(out);
    }

    /** Reads the next entry, which must be the named one; closing what it returns skips what is left of it. */
    static InputStream entry(DataInputStream in, String name) throws IOException {
        String found = in.readUTF();
        if (!found.equals(name)) {
            throw new DatabaseCommandFailed("the backup is damaged: expected " + name + ", found " + found);
        }
        return new ChunkedInput(in);
    }

    private static final class ChunkedOutput extends OutputStream {

        private final DataOutputStream out;
        private final byte[] buffer = new byte[64 * 1024];
        private int used;
        private boolean closed;

        ChunkedOutput(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                flushChunk();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (used == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(length, buffer.length - used);
                System.arraycopy(bytes, offset, buffer, used, n);
                used += n;
                offset += n;
                length -= n;
            }
        }

        private void flushChunk() throws IOException {
            if (used > 0) {
                out.writeInt(used);
                out.write(buffer, 0, used);
                used = 0;
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                flushChunk();
                out.writeInt(0);
                closed = true;
            }
        }
    }

    private static final class ChunkedInput extends InputStream {

        private final DataInputStream in;
        private int left;
        private boolean ended;

        ChunkedInput(DataInputStream in) {
            this.in = in;
        }

        private boolean nextChunk() throws IOException {
            while (left == 0 && !ended) {
                left = in.readInt();
                if (left < 0) {
                    throw new IOException("the backup is damaged: a chunk of negative length");
                }
                ended = left == 0;
            }
            return !ended;
        }

        @Override
        public int read() throws IOException {
            if (!nextChunk()) {
                return -1;
            }
            left--;
            return in.readUnsignedByte();
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!nextChunk()) {
                return -1;
            }
            int n = in.read(bytes, offset, Math.min(length, left));
            if (n < 0) {
                throw new EOFException("the backup ends in the middle of a table");
            }
            left -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // the rest of the entry is not needed
            }
        }
    }
}
