package io.learnflow.specialist.ai;

import io.learnflow.model.QueryRouted;
import io.smallrye.mutiny.Uni;

/**
 * A specialist's way of answering a routed query. It runs inside the transaction that records the answer, so what it
 * stores is kept only if the answer is.
 */
public interface Tutor {

    /** A short name recorded with each answer, for example {@code concepts-offline-v1}. */
    String name();

    Uni<TutorAnswer> answer(QueryRouted query);
}
