package io.learnflow.triage.security;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A password that is not on LearnFlow's list of the most common passwords ({@code security/common-passwords.txt}). */
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
@Constraint(validatedBy = CommonPasswords.class)
public @interface NotCommonPassword {

    String message() default "is one of the most common passwords; choose another";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
