package io.learnflow.specialist.config;

import java.time.Duration;

import io.learnflow.model.ServiceName;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "learnflow.specialist")
public interface SpecialistConfig {

    /** Which specialist this service is: its events, consumer group and schema carry this name. */
    ServiceName name();

    /**
     * Kafka consumers of the routed queries in this instance (the {@code queries} channel's {@code concurrency}): each
     * takes its own partitions and answers them one record at a time, so that one instance's answers wait on the
     * database, the broker and the sandbox side by side. Read by the channel's configuration, not by code.
     */
    @WithDefault("1")
    int queryConsumers();

    /**
     * How long the tutor may take before the student is told that this specialist has started on the query (a
     * {@code QueryProcessing} notice): an answer that comes sooner makes the notice pointless, and each notice costs a
     * Kafka record, triage's update and a read for each open event stream. {@code 0} sends it before the tutor starts.
     */
    @WithDefault("250ms")
    Duration processingNoticeAfter();
}
