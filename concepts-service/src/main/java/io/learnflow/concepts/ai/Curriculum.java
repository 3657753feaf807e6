package io.learnflow.concepts.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.learnflow.model.LearningModule;

/**
 * The curriculum's concept entries: the lessons of the seed units ({@code curriculum/units/<module>.json} of the
 * repository, on the class path as {@code seed/units/}), each with {@code id}, {@code module}, {@code title},
 * {@code keywords}, {@code asks}, {@code explanation}, {@code example}, {@code misconception} and {@code check}
 * beside its {@code package}. Its version is a digest of the units, recorded with every answer.
 */
public final class Curriculum {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static final String UNITS = "seed/units/";

    private final List<CurriculumEntry> entries;
    private final String version;

    private Curriculum(List<CurriculumEntry> entries, String version) {
        this.entries = List.copyOf(entries);
        this.version = version;
    }

    public static Curriculum shipped() {
        List<CurriculumEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        MessageDigest digest = sha256();
        for (LearningModule module : LearningModule.values()) {
            String resource = UNITS + module.json() + ".json";
            try (InputStream in = Curriculum.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the curriculum unit " + resource + " is missing");
                }
                byte[] bytes = in.readAllBytes();
                digest.update(bytes);
                for (JsonNode lesson : JSON.readTree(bytes).path("lessons")) {
                    CurriculumEntry entry = JSON.treeToValue(lesson, CurriculumEntry.class);
                    if (entry.module() != module) {
                        throw new IllegalStateException(entry.id() + " is in " + resource + " but belongs to "
                                + entry.module().json());
                    }
                    if (!ids.add(entry.id())) {
                        throw new IllegalStateException("two curriculum entries are called " + entry.id());
                    }
                    entries.add(entry);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the curriculum unit " + resource, e);
            }
        }
        return new Curriculum(entries, "curriculum-" + HexFormat.of().formatHex(digest.digest()).substring(0, 8));
    }

    public List<CurriculumEntry> entries() {
        return entries;
    }

    public String version() {
        return version;
    }

    public Optional<CurriculumEntry> byId(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public List<CurriculumEntry> ofModule(LearningModule module) {
        return entries.stream().filter(e -> e.module() == module).toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
