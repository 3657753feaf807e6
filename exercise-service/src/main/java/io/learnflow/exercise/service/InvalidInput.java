package io.learnflow.exercise.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Payload;
import jakarta.validation.Validator;

/**
 * Refuses a request whose fields are well-formed but wrong in a way only the service can tell (an answer that is
 * not an option, a reference solution that fails its own test), as the 400 problem Bean Validation gives, with
 * {@code invalidParams} naming the field and the reason.
 */
@ApplicationScoped
public class InvalidInput {

    private final Validator validator;

    public InvalidInput(Validator validator) {
        this.validator = validator;
    }

    public ConstraintViolationException of(String field, String reason) {
        return new ConstraintViolationException(validator.validate(new Refusal(field, reason)));
    }

    @Refused
    record Refusal(String field, String reason) {
    }

    @Documented
    @Constraint(validatedBy = RefusalValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Refused {
        String message() default "refused";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class RefusalValidator implements ConstraintValidator<Refused, Refusal> {

        @Override
        public boolean isValid(Refusal refusal, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(literal(refusal.reason()))
                    .addPropertyNode(refusal.field()).addConstraintViolation();
            return false;
        }

        private static String literal(String text) {
            return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
