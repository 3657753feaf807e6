package io.learnflow.sandbox;

/** How runs are kept away from the host. */
public enum Isolation {
    /** bubblewrap namespaces, a minimal read-only filesystem, no network, an unprivileged user. The default. */
    BUBBLEWRAP,
    /** Limits only, no isolation at all: for a developer's laptop without bubblewrap, never for a server. */
    UNSAFE_LOCAL
}
