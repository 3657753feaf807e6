package io.learnflow.specialist.config;

import io.learnflow.model.ServiceName;
import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "learnflow.specialist")
public interface SpecialistConfig {

    /** Which specialist this service is: its events, consumer group and schema carry this name. */
    ServiceName name();
}
