package io.learnflow.k8s.config;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.learnflow.model.QueryType;
import io.learnflow.model.ServiceName;
import io.learnflow.model.Topics;

/**
 * The topics each service publishes to. They are chosen in code, not configuration (every record names its topic on
 * service-support's one outgoing channel), so this table follows the code: triage routes queries to their
 * specialist's topic (QueryDelivery) and forwards feedback (QueryService); every specialist reports that it started,
 * answers and records the interaction (SpecialistAnswerService); the exercise service also hands submissions to its
 * graders (SubmissionService); progress announces struggle alerts (StruggleAnnouncer) and class memberships (ClassService).
 */
public final class PublishedTopics {

    private static final Set<String> SPECIALIST = Set.of(Topics.QUERY_STATUS, Topics.RESPONSE, Topics.INTERACTION);

    private PublishedTopics() {
    }

    public static Set<String> of(String service) {
        return new TreeSet<>(switch (service) {
            case "triage" -> triage();
            case "concepts", "debug" -> SPECIALIST;
            case "exercise" -> exercise();
            case "progress" -> Set.of(Topics.ALERT, Topics.CLASS_MEMBERSHIP);
            default -> throw new IllegalArgumentException("no such LearnFlow service: " + service);
        });
    }

    private static Set<String> exercise() {
        Set<String> topics = new TreeSet<>(SPECIALIST);
        topics.add(Topics.SUBMISSION);
        return topics;
    }

    private static Set<String> triage() {
        Set<String> topics = new TreeSet<>();
        Arrays.stream(QueryType.values()).filter(type -> type.answeredBy() != ServiceName.TRIAGE)
                .map(QueryType::queryTopic).forEach(topics::add);
        topics.add(Topics.FEEDBACK);
        return topics;
    }

    /** Every service's published topics. */
    public static Map<String, Set<String>> all() {
        return Map.of("triage", of("triage"), "concepts", of("concepts"), "debug", of("debug"), "exercise",
                of("exercise"), "progress", of("progress"));
    }
}
