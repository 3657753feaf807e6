package io.learnflow.debug.service;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.enterprise.context.ApplicationScoped;

import io.learnflow.debug.ai.DebugHints;
import io.learnflow.debug.model.HintLadder;
import io.learnflow.debug.repository.HintLadderRepository;
import io.learnflow.feedback.StudentCode;
import io.learnflow.model.QueryRouted;
import io.smallrye.mutiny.Uni;

/**
 * Keeps each student's place on the hint ladder per problem: the same exercise, or code defining the same functions
 * in the same session, climbs one step per query up to the last; code that now passes its tests ends the climb.
 * Runs inside the transaction that stores the answer, so a step is taken only if the answer is kept.
 */
@ApplicationScoped
public class HintLadderService {

    private final HintLadderRepository ladders;

    public HintLadderService(HintLadderRepository ladders) {
        this.ladders = ladders;
    }

    /** The step to give for this query (0 when the code passes and no hint is needed). */
    public Uni<Integer> climb(QueryRouted query, Diagnosis diagnosis) {
        String key = problemKey(query);
        return ladders.findByProblem(query.studentId(), key).chain(ladder -> {
            if (diagnosis.passes()) {
                return ladder == null ? Uni.createFrom().item(0) : ladders.delete(ladder).replaceWith(0);
            }
            if (ladder == null) {
                HintLadder first = new HintLadder();
                first.id = UUID.randomUUID();
                first.studentId = query.studentId();
                first.problemKey = key;
                first.step = 1;
                record(first, query, diagnosis);
                return ladders.persist(first).replaceWith(1);
            }
            if (!ladder.lastQueryId.equals(query.queryId())) {
                ladder.step = Math.min(ladder.step + 1, DebugHints.TOP_STEP);
            }
            record(ladder, query, diagnosis);
            return Uni.createFrom().item(ladder.step);
        });
    }

    private static void record(HintLadder ladder, QueryRouted query, Diagnosis diagnosis) {
        ladder.lastQueryId = query.queryId();
        ladder.errorCategory = diagnosis.finding() != null ? diagnosis.finding().error().id() : null;
        ladder.suspectLine = diagnosis.location();
        ladder.confidenceScore = diagnosis.confidence();
        ladder.updatedAt = Instant.now();
    }

    /**
     * The problem a query is about: its exercise when known; otherwise the functions its code defines (they survive
     * the student's edits between turns) or, for a script, its first line; within the session when there is one.
     */
    static String problemKey(QueryRouted query) {
        if (query.exerciseId() != null && !query.exerciseId().isBlank()) {
            return "exercise:" + query.exerciseId();
        }
        StudentCode code = new StudentCode(query.code());
        String shape = !code.definedFunctions().isEmpty() ? "functions:" + String.join(",", code.definedFunctions())
                : "script:" + digest(query.code().strip().split("\n", 2)[0].replaceAll("\\s+", ""));
        String key = (query.sessionId() != null ? "session:" + query.sessionId() + ":" : "") + shape;
        return key.length() <= 200 ? key : key.substring(0, 150) + digest(key).toLowerCase(Locale.ROOT);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
