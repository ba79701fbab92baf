package dev.pdfvariants.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pdfvariants.config.Shard;
import dev.pdfvariants.error.ExitCode;
import dev.pdfvariants.error.PdfVariantsException;

class OutputLockTest {
    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path tmp;

    private OutputLayout layout() {
        OutputLayout layout = new OutputLayout(tmp.resolve("out"));
        layout.prepare();
        return layout;
    }

    @Test
    void aSecondRunOnALockedOutputFailsWithExitCodeFourNamingTheHolder() {
        OutputLayout layout = layout();
        List<String> notices = new ArrayList<>();
        try (OutputLock held = OutputLock.acquire(layout, Shard.WHOLE, START, notices::add)) {
            assertThatThrownBy(() -> OutputLock.acquire(layout, Shard.WHOLE, START, notices::add))
                    .isInstanceOfSatisfying(PdfVariantsException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.OUTPUT_NOT_WRITABLE);
                        assertThat(e.getMessage()).contains("is in use by another run")
                                .contains("pid " + ProcessHandle.current().pid() + " on ")
                                .contains("started 2026-11-29T10:00:00Z");
                        assertThat(e.remedy()).contains("another -o directory");
                    });
        }
        assertThat(notices).isEmpty();
    }

    @Test
    void aReleasedLockIsEmptyAndTakenAgainWithoutComplaint() throws Exception {
        OutputLayout layout = layout();
        List<String> notices = new ArrayList<>();
        OutputLock.acquire(layout, Shard.WHOLE, START, notices::add).close();
        assertThat(Files.size(layout.runDir().resolve("lock"))).isZero();
        OutputLock.acquire(layout, Shard.WHOLE, START, notices::add).close();
        assertThat(notices).isEmpty();
    }

    @Test
    void aStaleLockLeftByADeadRunIsTakenOverWithANotice() throws Exception {
        OutputLayout layout = layout();
        Files.writeString(layout.runDir().resolve("lock"),
                "{\"pid\":999999,\"host\":\"old-host\",\"startedAt\":\"2026-11-28T08:00:00Z\",\"shard\":\"0-of-1\"}\n");
        List<String> notices = new ArrayList<>();
        try (OutputLock lock = OutputLock.acquire(layout, Shard.WHOLE, START, notices::add)) {
            assertThat(OutputLock.holder(layout.runDir().resolve("lock")).pid()).isEqualTo(ProcessHandle.current().pid());
        }
        assertThat(notices).singleElement().asString().contains("taking over the lock")
                .contains("pid 999999 on old-host, started 2026-11-28T08:00:00Z");
    }

    @Test
    void shardsOfOneBatchLockSeparately() {
        OutputLayout layout = layout();
        try (OutputLock a = OutputLock.acquire(layout, new Shard(0, 2), START, s -> { });
                OutputLock b = OutputLock.acquire(layout, new Shard(1, 2), START, s -> { })) {
            assertThat(layout.runDir().resolve("lock-0-of-2")).exists();
            assertThat(layout.runDir().resolve("lock-1-of-2")).exists();
        }
    }
}
