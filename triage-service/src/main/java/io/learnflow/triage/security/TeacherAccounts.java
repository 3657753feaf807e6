package io.learnflow.triage.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import io.learnflow.triage.api.RegisterStudent;
import io.learnflow.triage.config.TriageConfig;
import io.learnflow.triage.service.StudentService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/** Creates the teacher accounts named in configuration at start-up; a teacher account cannot be self-registered. */
@ApplicationScoped
public class TeacherAccounts {

    private static final Logger LOG = Logger.getLogger(TeacherAccounts.class);

    void createConfiguredTeachers(@Observes StartupEvent started, TriageConfig config, StudentService students,
            Validator validator) throws Throwable {
        for (var entry : config.teachers().entrySet()) {
            TriageConfig.Teacher teacher = entry.getValue();
            RegisterStudent account = new RegisterStudent(teacher.email(), teacher.password(), teacher.firstName(),
                    teacher.lastName());
            Set<ConstraintViolation<RegisterStudent>> problems = validator.validate(account);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("learnflow.triage.teachers." + entry.getKey() + " is not a valid account: "
                        + problems.iterator().next().getPropertyPath() + " " + problems.iterator().next().getMessage());
            }
            var profile = VertxContextSupport.subscribeAndAwait(() -> students.ensureTeacher(account.toAccount()));
            if (profile.role != io.learnflow.triage.model.StudentRole.TEACHER) {
                LOG.warnf("learnflow.triage.teachers.%s: %s already has a student account; it stays a student",
                        entry.getKey(), teacher.email());
            } else {
                LOG.infof("teacher account %s (%s) is ready", teacher.email(), profile.id);
            }
        }
    }
}
