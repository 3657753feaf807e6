package io.learnflow.progress.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.learnflow.model.ClassMembershipChanged;
import io.learnflow.model.Topics;
import io.learnflow.progress.model.ClassMember;
import io.learnflow.progress.model.ClassView;
import io.learnflow.progress.model.SchoolClass;
import io.learnflow.progress.model.StudentIdentity;
import io.learnflow.progress.repository.ClassMemberRepository;
import io.learnflow.progress.repository.SchoolClassRepository;
import io.learnflow.support.domain.ResourceNotFound;
import io.learnflow.support.messaging.EventPublisher;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Classes: a teacher creates one and shares its join code; a student joins with the code. */
@ApplicationScoped
public class ClassService {

    private static final Logger LOG = Logger.getLogger(ClassService.class);
    /** No 0/O, 1/I: a code is read aloud and typed by hand. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SchoolClassRepository classes;
    private final ClassMemberRepository members;
    private final EventPublisher publisher;

    public ClassService(SchoolClassRepository classes, ClassMemberRepository members, EventPublisher publisher) {
        this.classes = classes;
        this.members = members;
        this.publisher = publisher;
    }

    @WithTransaction
    public Uni<ClassView> create(UUID teacherId, String name) {
        SchoolClass created = new SchoolClass();
        created.id = UUID.randomUUID();
        created.teacherId = teacherId;
        created.name = name.trim();
        created.joinCode = newJoinCode();
        created.createdAt = Instant.now();
        return classes.persist(created)
                .invoke(c -> LOG.infof("teacher %s created class %s", teacherId, c.id))
                .map(ClassView::of);
    }

    @WithSession
    public Uni<List<ClassView>> ofTeacher(UUID teacherId) {
        return classes.ofTeacher(teacherId).map(list -> list.stream().map(ClassView::of).toList());
    }

    /**
     * Joins the class with this code and announces it ({@link ClassMembershipChanged}, in the same transaction: if the
     * broker refuses, the student has not joined); joining again changes nothing but the student's email and name,
     * which each join sets from the student's token on all their memberships. An unknown code is not found.
     */
    @WithTransaction
    public Uni<ClassView> join(StudentIdentity student, String joinCode) {
        String code = joinCode.trim().toUpperCase(Locale.ROOT);
        UUID studentId = student.studentId();
        return classes.findByJoinCode(code)
                .onItem().ifNull().failWith(() -> new ResourceNotFound("class with join code", code))
                .call(() -> members.refreshIdentity(studentId, student.email(), student.name()))
                .chain(found -> members.findMember(found.id, studentId).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(ClassView.of(found));
                    }
                    ClassMember member = new ClassMember();
                    member.id = UUID.randomUUID();
                    member.classId = found.id;
                    member.studentId = studentId;
                    member.joinedAt = Instant.now();
                    member.email = student.email();
                    member.name = student.name();
                    LOG.infof("student %s joined class %s", studentId, found.id);
                    return members.persist(member)
                            .chain(() -> publisher.publish(Topics.CLASS_MEMBERSHIP, studentId,
                                    new ClassMembershipChanged(UUID.randomUUID(), member.joinedAt, found.id,
                                            found.teacherId, studentId, true)))
                            .replaceWith(ClassView.of(found));
                }));
    }

    /** The teacher's own class; another teacher's or an unknown one is not found. */
    Uni<SchoolClass> ownClass(UUID teacherId, UUID classId) {
        return classes.findById(classId)
                .map(found -> found != null && found.teacherId.equals(teacherId) ? found : null)
                .onItem().ifNull().failWith(() -> new ResourceNotFound("class", classId));
    }

    /** Who the student is; fails with not found unless the student is in one of the teacher's classes. */
    Uni<StudentIdentity> requireTaught(UUID teacherId, UUID studentId) {
        return members.taughtMember(studentId, teacherId)
                .onItem().ifNull().failWith(() -> new ResourceNotFound("student", studentId))
                .map(StudentIdentity::of);
    }

    Uni<List<UUID>> studentsOf(SchoolClass schoolClass) {
        return membersOf(schoolClass).map(list -> list.stream().map(StudentIdentity::studentId).toList());
    }

    /** The class's students in the order they joined, with who they are. */
    Uni<List<StudentIdentity>> membersOf(SchoolClass schoolClass) {
        return members.ofClass(schoolClass.id).map(list -> list.stream().map(StudentIdentity::of).toList());
    }

    Uni<List<StudentIdentity>> studentsOfTeacher(UUID teacherId) {
        return members.studentsOfTeacher(teacherId);
    }

    private static String newJoinCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
