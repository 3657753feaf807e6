package io.learnflow.support.persistence;

import org.hibernate.JDBCException;

import io.vertx.pgclient.PgException;

/**
 * Whether a failed write broke a unique constraint: the loser of two concurrent inserts of the same key. Checking
 * first and inserting second cannot prevent that race; only the database's constraint decides it.
 */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCException hibernate && UNIQUE_VIOLATION.equals(hibernate.getSQLState())
                    || cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
