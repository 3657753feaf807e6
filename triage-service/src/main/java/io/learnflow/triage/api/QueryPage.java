package io.learnflow.triage.api;

import java.util.List;

public record QueryPage(List<QueryView> items, int page, int size, long total) {
}
