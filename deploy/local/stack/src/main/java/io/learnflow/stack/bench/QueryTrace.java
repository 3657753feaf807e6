package io.learnflow.stack.bench;

/** What happened to one query of the bench: when it was sent, how the POST went, and when its answer came. */
final class QueryTrace {

    final long sentAtNanos;
    final String token;
    volatile int postStatus;
    volatile double postMillis = -1;
    volatile String queryId;
    volatile String finalStatus;
    volatile double answerMillis = -1;
    volatile String failureReason;

    QueryTrace(long sentAtNanos, String token) {
        this.sentAtNanos = sentAtNanos;
        this.token = token;
    }

    boolean accepted() {
        return postStatus == 202;
    }

    boolean finished() {
        return "completed".equals(finalStatus) || "failed".equals(finalStatus);
    }
}
