package io.learnflow.debug.service;

/** The kinds of one-token change the mutation search tries; each becomes a different question for the student. */
public enum MutationKind {
    /** {@code <} and {@code <=}, {@code >} and {@code >=}, {@code ==} and {@code !=}. */
    COMPARISON,
    /** {@code +} and {@code -}, {@code *} and {@code /} and {@code //}, bit operators. */
    ARITHMETIC,
    /** A number one more or one less. */
    CONSTANT,
    /** A {@code + 1} or {@code - 1} added or removed: the classic off-by-one. */
    OFF_BY_ONE,
    /** {@code and} and {@code or}, a {@code not} removed, {@code any} and {@code all}, {@code min} and {@code max}. */
    LOGIC,
    /** One variable or attribute used where another of the same function was meant. */
    NAME,
    /** Two arguments of a call in the other order. */
    ARGUMENT_ORDER,
    /** The two operands of {@code +}, {@code -}, {@code /} or {@code %} in the other order. */
    OPERAND_ORDER,
    /** A call around a value that should not be there. */
    CALL
}
