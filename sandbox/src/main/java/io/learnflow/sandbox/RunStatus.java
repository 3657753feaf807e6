package io.learnflow.sandbox;

/** How a run ended. */
public enum RunStatus {
    /** The program ended by itself, with whatever exit code. */
    EXITED,
    /** A limit ended it (see {@link ProgramResult#limit()}). */
    LIMIT_EXCEEDED,
    /** The interpreter crashed (a fatal signal such as a segmentation fault). */
    CRASHED,
    /** The pool and its queue were full: nothing ran; retry later. */
    BUSY,
    /** The sandbox itself could not run it; the message says why. */
    SANDBOX_ERROR
}
