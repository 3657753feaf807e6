package io.learnflow.concepts.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * beside its {@code package}. The service answers from the copy in its schema ({@code concepts.lesson}, see
 * {@code CurriculumStore}), which {@code ./learnflow db import} may have changed. Its version is a digest of the
 * entries, recorded with every answer.
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

    /** The seed units on the class path, as the service ships them. */
    public static Curriculum shipped() {
        List<CurriculumEntry> entries = new ArrayList<>();
        for (JsonNode unit : shippedUnits().values()) {
            for (JsonNode lesson : unit.path("lessons")) {
                entries.add(entry(lesson));
            }
        }
        return of(entries);
    }

    /** Each module's seed unit as the class path holds it, in the modules' order. */
    public static Map<LearningModule, JsonNode> shippedUnits() {
        Map<LearningModule, JsonNode> units = new LinkedHashMap<>();
        for (LearningModule module : LearningModule.values()) {
            String resource = UNITS + module.json() + ".json";
            try (InputStream in = Curriculum.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the curriculum unit " + resource + " is missing");
                }
                units.put(module, JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the curriculum unit " + resource, e);
            }
        }
        return units;
    }

    /** A lesson of a seed unit as the concept entry it holds (its package is the exercise tutor's and the quiz's). */
    public static CurriculumEntry entry(JsonNode lesson) {
        try {
            return JSON.treeToValue(lesson, CurriculumEntry.class);
        } catch (IOException e) {
            throw new IllegalStateException("lesson " + lesson.path("id").asText() + " is no concept entry: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The entries in their order, each module's together; the version is a digest of the entries, so the same
     * entries give the same version whether they come from the class path or from the database.
     */
    public static Curriculum of(List<CurriculumEntry> entries) {
        Set<String> ids = new HashSet<>();
        MessageDigest digest = sha256();
        for (CurriculumEntry entry : entries) {
            if (!ids.add(entry.id())) {
                throw new IllegalStateException("two curriculum entries are called " + entry.id());
            }
            try {
                digest.update(JSON.writeValueAsBytes(entry));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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
