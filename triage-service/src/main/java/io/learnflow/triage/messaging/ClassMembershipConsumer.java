package io.learnflow.triage.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.learnflow.model.ClassMembershipChanged;
import io.learnflow.support.messaging.ConsumedRecord;
import io.learnflow.triage.service.ClassRoster;
import io.smallrye.mutiny.Uni;

/** Progress's class memberships, for the teacher views; a bad record goes to the dead-letter topic. */
@ApplicationScoped
public class ClassMembershipConsumer {

    private final ClassRoster roster;

    public ClassMembershipConsumer(ClassRoster roster) {
        this.roster = roster;
    }

    @Incoming("class-memberships")
    public Uni<Void> onMembership(String record) {
        return ConsumedRecord.handled(record, ClassMembershipChanged.class, roster::apply);
    }
}
