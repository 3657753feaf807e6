package io.learnflow.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    @TempDir
    Path home;

    @Test
    void theFirstInstanceOfABuildWritesTheArchiveAndEveryLaterStartMapsIt() throws Exception {
        Path jar = Files.writeString(home.resolve("quarkus-run.jar"), "a build");
        Path logs = Files.createDirectories(home.resolve("logs"));
        Path stale = Files.writeString(Files.createDirectories(home.resolve("cds")).resolve("triage-1-2.jsa"), "old");

        List<String> first = ServiceProcess.classDataSharing("triage", jar, logs.resolve("triage.log"), true);
        List<String> replica = ServiceProcess.classDataSharing("triage", jar, logs.resolve("triage-2.log"), true);

        assertThat(first).hasSize(2).first().asString().startsWith("-XX:ArchiveClassesAtExit=" + home.resolve("cds"))
                .endsWith(".jsa");
        assertThat(replica).isEmpty();
        assertThat(stale).doesNotExist();

        Path archive = Path.of(first.get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.writeString(archive, "dumped at exit");
        assertThat(ServiceProcess.classDataSharing("triage", jar, logs.resolve("triage-2.log"), true))
                .containsExactly("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=error");
        assertThat(ServiceProcess.classDataSharing("triage", jar, logs.resolve("triage.log"), false)).isEmpty();
    }
}
