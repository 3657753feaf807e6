package io.learnflow.debug.config;

import java.nio.file.Path;
import java.time.Duration;

import io.learnflow.debug.service.SpectrumFormula;
import io.learnflow.sandbox.Isolation;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "learnflow.debug")
public interface DebugConfig {

    SandboxSettings sandbox();

    Analysis analysis();

    interface SandboxSettings {

        /** BUBBLEWRAP on any server; UNSAFE_LOCAL only on a developer laptop without bubblewrap. */
        @WithDefault("BUBBLEWRAP")
        Isolation isolation();

        @WithDefault("/usr/bin/bwrap")
        Path bubblewrap();

        @WithDefault("/usr/bin/python3")
        Path python();

        /** Runs at once; the mutation search splits its variants over them. */
        @WithDefault("2")
        int poolSize();

        @WithDefault("16")
        int queueCapacity();
    }

    interface Analysis {

        /** A run of the student's program (a hang is cut here). */
        @WithDefault("3s")
        Duration programTime();

        @WithDefault("500ms")
        Duration perTestBudget();

        /** The whole test suite; tests it leaves unrun are left out of the localisation. */
        @WithDefault("2s")
        Duration suiteTime();

        @WithDefault("OCHIAI")
        SpectrumFormula formula();

        /** How many of the top-ranked lines the mutation search changes (0 turns it off). */
        @WithDefault("5")
        int linesToMutate();

        @WithDefault("160")
        int maxMutants();

        @WithDefault("1500ms")
        Duration mutationTime();
    }
}
