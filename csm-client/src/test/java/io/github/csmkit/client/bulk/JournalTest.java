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

  private static final String SITE = "https://api.atlassian.com/jsm/csm/cloudid/c1";

  @TempDir Path dir;

  @Test
  void entriesSurviveReopening() throws Exception {
    Path file = dir.resolve("j.jsonl");
    try (Journal j = Journal.open(file, "job-1", "customer profiles", SITE, false)) {
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
    try (Journal j = Journal.open(file, "job-1", "customer profiles", SITE, false)) {
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
    try (Journal j = Journal.open(file, "job", "customer profiles", SITE, false)) {
      j.submitted(new Journal.Submitted(1, "k1", "task-1", Optional.empty(), T));
    }
    Files.writeString(file, "{\"type\":\"finished\",\"batch\":1,\"ke", StandardOpenOption.APPEND);
    try (Journal j = Journal.open(file, "job", "customer profiles", SITE, false)) {
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
    Journal.open(file, "job-a", "customer profiles", SITE, false).close();
    assertThatThrownBy(() -> Journal.open(file, "job-b", "customer profiles", SITE, false))
        .isInstanceOf(JournalMismatchException.class)
        .hasMessageContaining("written by job 'job-a'")
        .hasMessageContaining("not job 'job-b'");
    assertThatThrownBy(() -> Journal.open(file, "job-a", "organization profiles", SITE, false))
        .isInstanceOf(JournalMismatchException.class);
  }

  @Test
  void aCorruptMiddleLineIsAClearError() throws Exception {
    Path file = dir.resolve("j.jsonl");
    Journal.open(file, "job", "customer profiles", SITE, false).close();
    Files.writeString(file, "garbage\n{\"type\":\"submitted\"}\n", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> Journal.open(file, "job", "customer profiles", SITE, false))
        .isInstanceOf(JournalMismatchException.class)
        .hasMessageContaining("line 2 is not JSON");
  }

  @Test
  void theFileIsReadableByItsOwnerOnly() throws Exception {
    Path file = dir.resolve("j.jsonl");
    Journal.open(file, "job", "customer profiles", SITE, false).close();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void anEntryThatCannotBeReadIsAClearError() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Journal.open(file, "job", "customer profiles", SITE, false).close();
    Files.writeString(
        file,
        "{\"type\":\"submitted\",\"batch\":1,\"key\":\"k\",\"taskId\":\"t\",\"at\":\"yesterday\"}\n",
        StandardOpenOption.APPEND);
    assertThatThrownBy(() -> Journal.open(file, "job", "customer profiles", SITE, false))
        .isInstanceOf(JournalMismatchException.class)
        .hasMessageContaining("line 2 cannot be read");
  }

  @Test
  void aDryRunsJournalIsNeverTakenForARealOne() throws Exception {
    Path file = dir.resolve("j.jsonl");
    Journal.open(file, "job", "customer profiles", "http://127.0.0.1:40001", true).close();
    // a later dry run (another throwaway sandbox, another port) resumes it
    Journal.open(file, "job", "customer profiles", "http://127.0.0.1:40002", true).close();
    assertThatThrownBy(() -> Journal.open(file, "job", "customer profiles", SITE, false))
        .isInstanceOf(JournalMismatchException.class)
        .hasMessageContaining("at http://127.0.0.1:40001 (a dry run)")
        .hasMessageContaining("not job 'job' for customer profiles at " + SITE)
        .hasMessageContaining("a dry run's journal holds nothing that is in CSM");
    assertThat(Files.readString(file)).contains("\"site\":\"http://127.0.0.1:40001\"");
  }

  @Test
  void anotherSitesJournalIsRefused() throws Exception {
    Path file = dir.resolve("j.jsonl");
    Journal.open(file, "job", "customer profiles", SITE, false).close();
    String other = "https://api.atlassian.com/jsm/csm/cloudid/c2";
    assertThatThrownBy(() -> Journal.open(file, "job", "customer profiles", other, false))
        .isInstanceOf(JournalMismatchException.class)
        .hasMessageContaining("at " + SITE + ", not")
        .hasMessageContaining("at " + other);
    assertThatThrownBy(() -> Journal.open(file, "job", "customer profiles", SITE, true))
        .isInstanceOf(JournalMismatchException.class)
        .hasMessageContaining("(a dry run)");
  }

  @Test
  void anOlderJournalWithoutItsSiteIsRefused() throws Exception {
    Path file = dir.resolve("old.jsonl");
    Files.writeString(
        file,
        "{\"type\":\"job\",\"version\":1,\"jobId\":\"job\",\"target\":\"customer profiles\"}\n");
    assertThatThrownBy(() -> Journal.open(file, "job", "customer profiles", SITE, false))
        .isInstanceOf(JournalMismatchException.class)
        .hasMessageContaining("did not record its site");
  }

  @Test
  void theSiteKeepsNoUserInfoOrQuery() {
    assertThat(
            Journal.site(java.net.URI.create("https://u:secret@example.com:8443/base/?t=secret")))
        .isEqualTo("https://example.com:8443/base");
  }
}
