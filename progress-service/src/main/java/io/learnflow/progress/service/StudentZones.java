package io.learnflow.progress.service;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The time zone an event reports for its student: an IANA zone, UTC when absent or not one. */
final class StudentZones {

    private StudentZones() {
    }

    static ZoneId of(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
