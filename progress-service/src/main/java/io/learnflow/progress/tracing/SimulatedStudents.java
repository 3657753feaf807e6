package io.learnflow.progress.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Students who learn exactly as BKT says, with known parameters: for checking that a fit finds them again. */
public final class SimulatedStudents {

    private SimulatedStudents() {
    }

    /** {@code students} sequences of {@code attempts} attempts each, drawn from {@code truth}. */
    public static List<boolean[]> draw(BktParameters truth, int students, int attempts, Random random) {
        List<boolean[]> sequences = new ArrayList<>(students);
        for (int s = 0; s < students; s++) {
            boolean known = random.nextDouble() < truth.prior();
            boolean[] outcomes = new boolean[attempts];
            for (int t = 0; t < attempts; t++) {
                outcomes[t] = known ? random.nextDouble() >= truth.slip() : random.nextDouble() < truth.guess();
                if (!known) {
                    known = random.nextDouble() < truth.learn();
                }
            }
            sequences.add(outcomes);
        }
        return sequences;
    }
}
