package io.learnflow.triage.model;

import java.util.List;

/** One page of a student's queries, newest first, and how many there are in all. */
public record QueryPage(List<QueryView> items, int page, int size, long total) {
}
