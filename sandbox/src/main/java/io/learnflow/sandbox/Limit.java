package io.learnflow.sandbox;

/** The limit that ended a run, or that the program ran into. */
public enum Limit {
    CPU_TIME, WALL_TIME, MEMORY, OUTPUT, FILE_SIZE, PROCESSES, OPEN_FILES
}
