package io.github.csmkit.client.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.csmkit.client.bulk.ImportReport.Stage;
import io.github.csmkit.client.model.TaskFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

  @TempDir Path dir;

  @Test
  void entriesSurviveReopening() throws Exception {
    Path file = dir.resolve("j.jsonl");
    try (Journal j = Journal.open(file, "job-1", "customer profiles")) {
      j.submitted(new Journal.Submitted(1, "k1", "task-1", Optional.of("/api/v1/tasks/task-1"), T));
      j.finished(
          new Journal.Finished(
              1,
              "k1",
              "FINISHED",
              List.of(new Journal.ItemFailure(3, Stage.SERVER, "Invalid email")),
              List.of(TaskFailure.builder().entityId("ghost@x.io").message("who?").build()),
              T));
      j.submitted(new Journal.Submitted(2, "k2", "task-2", Optional.empty(), T));
    }
    try (Journal j = Journal.open(file, "job-1", "customer profiles")) {
      assertThat(j.highestBatch()).isEqualTo(2);
      assertThat(j.finished(1))
          .hasValueSatisfying(
              f -> {
                assertThat(f.failures())
                    .containsExactly(new Journal.ItemFailure(3, Stage.SERVER, "Invalid email"));
                assertThat(f.unattributed())
                    .singleElement()
                    .satisfies(
                        u -> {
                          assertThat(u.entityId()).contains("ghost@x.io");
                          assertThat(u.message()).isEqualTo("who?");
                        });
              });
      assertThat(j.finished(2)).isEmpty();
      assertThat(j.submitted(2))
          .hasValueSatisfying(s -> assertThat(s.taskId()).isEqualTo("task-2"));
    }
    assertThat(Files.readAllLines(file))
        .hasSize(4)
        .first()
        .asString()
        .contains("\"jobId\":\"job-1\"");
  }

  @Test
  void aTornLastLineIsDroppedAndTheFileRepaired() throws Exception {
    Path file = dir.resolve("j.jsonl");
    try (Journal j = Journal.open(file, "job", "customer profiles")) {
      j.submitted(new Journal.Submitted(1, "k1", "task-1", Optional.empty(), T));
    }
    Files.writeString(file, "{\"type\":\"finished\",\"batch\":1,\"ke", StandardOpenOption.APPEND);
    try (Journal j = Journal.open(file, "job", "customer profiles")) {
      assertThat(j.finished(1)).isEmpty();
      assertThat(j.submitted(1)).isPresent();
      j.submitted(new Journal.Submitted(2, "k2", "task-2", Optional.empty(), T));
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).startsWith("{\"type\":\"submitted\",\"batch\":2");
  }

  @Test
  void anotherJobsJournalIsRefused() throws Exception {
    Path file = dir.resolve("j.jsonl");
    Journal.open(file, "job-a", "customer profiles").close();
    assertThatThrownBy(() -> Journal.open(file, "job-b", "customer profiles"))
        .isInstanceOf(JournalMismatchException.class)
        .hasMessageContaining("written by job 'job-a'")
        .hasMessageContaining("not job 'job-b'");
    assertThatThrownBy(() -> Journal.open(file, "job-a", "organization profiles"))
        .isInstanceOf(JournalMismatchException.class);
  }

  @Test
  void aCorruptMiddleLineIsAClearError() throws Exception {
    Path file = dir.resolve("j.jsonl");
    Journal.open(file, "job", "customer profiles").close();
    Files.writeString(file, "garbage\n{\"type\":\"submitted\"}\n", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> Journal.open(file, "job", "customer profiles"))
        .isInstanceOf(JournalMismatchException.class)
        .hasMessageContaining("line 2 is not JSON");
  }

  @Test
  void theFileIsReadableByItsOwnerOnly() throws Exception {
    Path file = dir.resolve("j.jsonl");
    Journal.open(file, "job", "customer profiles").close();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void anEntryThatCannotBeReadIsAClearError() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Journal.open(file, "job", "customer profiles").close();
    Files.writeString(
        file,
        "{\"type\":\"submitted\",\"batch\":1,\"key\":\"k\",\"taskId\":\"t\",\"at\":\"yesterday\"}\n",
        StandardOpenOption.APPEND);
    assertThatThrownBy(() -> Journal.open(file, "job", "customer profiles"))
        .isInstanceOf(JournalMismatchException.class)
        .hasMessageContaining("line 2 cannot be read");
  }
}
