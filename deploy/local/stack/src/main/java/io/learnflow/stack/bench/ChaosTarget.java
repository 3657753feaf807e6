package io.learnflow.stack.bench;

import java.util.Optional;

/** The running LearnFlow a chaos run acts on: where it is, which process to kill, how to restart its servers. */
public interface ChaosTarget {

    String triageUrl();

    String kafkaBootstrap();

    String jdbcUrl();

    String databaseAdmin();

    String databaseAdminPassword();

    /** The pid of the service's first instance, if one runs. */
    Optional<Long> pidOf(String service);

    /** Restarts {@code kafka} or {@code postgres} and says how it went. */
    String restart(String server) throws Exception;
}
