package io.learnflow.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplicasTest {

    @Test
    void namedServicesGetTheirCountAndTheOthersOne() {
        Replicas replicas = Replicas.parse("debug=3, exercise=2");

        assertThat(replicas.of("debug")).isEqualTo(3);
        assertThat(replicas.of("exercise")).isEqualTo(2);
        assertThat(replicas.of("triage")).isEqualTo(1);
    }

    @Test
    void noReplicasMeansOneOfEach() {
        assertThat(Replicas.parse(null).of("debug")).isEqualTo(1);
        assertThat(Replicas.parse("").of("progress")).isEqualTo(1);
    }

    @Test
    void anUnknownServiceOrACountOutsideOneToThePartitionsIsRefused() {
        assertThatThrownBy(() -> Replicas.parse("grading=2")).hasMessageContaining("no service 'grading'");
        assertThatThrownBy(() -> Replicas.parse("debug=0")).hasMessageContaining("from 1 to 6, not 0");
        assertThatThrownBy(() -> Replicas.parse("debug=7")).hasMessageContaining("from 1 to 6, not 7");
        assertThatThrownBy(() -> Replicas.parse("debug=two")).hasMessageContaining("not 'two'");
        assertThatThrownBy(() -> Replicas.parse("debug")).hasMessageContaining("SERVICE=N");
    }
}
