package io.learnflow.progress.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BktParametersTest {

    static final BktParameters P = new BktParameters(0.25, 0.15, 0.20, 0.10);

    @Test
    void aSuccessFromThePriorGivesTheHandComputedPosterior() {
        // 0.25·0.9 / (0.25·0.9 + 0.75·0.2) = 0.225 / 0.375 = 0.6; then 0.6 + 0.4·0.15 = 0.66
        assertThat(P.posterior(0.25, true)).isCloseTo(0.6, within(1e-12));
        assertThat(P.update(0.25, true)).isCloseTo(0.66, within(1e-12));
    }

    @Test
    void aFailureAfterThatGivesTheHandComputedPosterior() {
        // 0.66·0.1 / (0.66·0.1 + 0.34·0.8) = 0.066 / 0.338 = 0.195266; then + 0.804734·0.15 = 0.315976
        assertThat(P.posterior(0.66, false)).isCloseTo(0.066 / 0.338, within(1e-12));
        assertThat(P.update(0.66, false)).isCloseTo(0.066 / 0.338 + (1 - 0.066 / 0.338) * 0.15, within(1e-12));
        assertThat(P.update(0.66, false)).isCloseTo(0.315976, within(1e-6));
    }

    @Test
    void theChanceOfSuccessMixesSlipAndGuess() {
        // 0.25·(1 − 0.1) + 0.75·0.2 = 0.375
        assertThat(P.successChance(0.25)).isCloseTo(0.375, within(1e-12));
    }

    @Test
    void successesRaiseAndFailuresLowerWhatIsKnown() {
        double known = P.prior();
        for (int i = 0; i < 5; i++) {
            double next = P.update(known, true);
            assertThat(next).isGreaterThan(known);
            known = next;
        }
        assertThat(known).isGreaterThan(0.99);
        assertThat(P.posterior(known, false)).isLessThan(known);
    }

    @Test
    void parametersOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new BktParameters(0, 0.1, 0.2, 0.1)).hasMessageContaining("prior");
        assertThatThrownBy(() -> new BktParameters(0.2, 0.1, 0.6, 0.5)).hasMessageContaining("below 1");
    }
}
