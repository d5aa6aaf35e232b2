package io.github.csmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.csmkit.cli.CliRunner.Result;
import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import io.github.csmkit.client.model.CustomerAccount;
import io.github.csmkit.client.model.CustomerAccountBatch;
import io.github.csmkit.client.model.SubmittedTask;
import io.github.csmkit.sandbox.CsmSandbox;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The conventions of the command: environment defaults, --json everywhere, task wait --timeout,
 * completion, the confirmation before writing to a site, --progress, and --help examples that run.
 */
class ConventionsTest {
  static final String TOKEN = MigrateCommandTest.TOKEN;

  @TempDir Path dir;
  CsmSandbox sandbox;
  Path contacts;
  Path companies;

  @BeforeEach
  void start() throws Exception {
    sandbox = CsmSandbox.builder().runsFor(Duration.ofMillis(5)).token(TOKEN).start();
    contacts = Files.writeString(dir.resolve("contacts.csv"), MigrateCommandTest.CONTACTS);
    companies = Files.writeString(dir.resolve("companies.csv"), MigrateCommandTest.COMPANIES);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  Result migrate(Map<String, String> env, Prompt prompt, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "migrate",
                "--contacts",
                contacts.toString(),
                "--companies",
                companies.toString(),
                "--failure-threshold",
                "25%"));
    args.addAll(List.of(extra));
    return CliRunner.run(env, dir, prompt, args.toArray(String[]::new));
  }

  @Test
  void theTargetComesFromTheEnvironmentUnlessAFlagNamesOne() {
    String url = sandbox.baseUri().toString();
    Result fromEnv = migrate(Map.of("CSM_TOKEN", TOKEN, "CSM_BASE_URL", url), null);
    assertThat(fromEnv.code()).as(fromEnv.all()).isEqualTo(0);
    assertThat(fromEnv.err()).contains("Migrating into " + url);

    Result flagWins =
        migrate(
            Map.of("CSM_TOKEN", TOKEN, "CSM_BASE_URL", "http://127.0.0.1:9", "CSM_CLOUD_ID", "x"),
            null,
            "--base-url",
            url);
    assertThat(flagWins.code()).as(flagWins.all()).isEqualTo(0);

    Result both =
        migrate(Map.of("CSM_TOKEN", TOKEN, "CSM_BASE_URL", url, "CSM_CLOUD_ID", "abc"), null);
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("both CSM_BASE_URL and CSM_CLOUD_ID are set");
    assertThat(migrate(Map.of("CSM_TOKEN", TOKEN), null).err()).contains("set CSM_BASE_URL");
  }

  @Test
  void anInteractiveRunAsksBeforeWritingAndYesSkipsTheQuestion() {
    Map<String, String> env =
        Map.of("CSM_TOKEN", TOKEN, "CSM_BASE_URL", sandbox.baseUri().toString());
    AtomicReference<String> asked = new AtomicReference<>();

    Result no =
        migrate(
            env,
            q -> {
              asked.set(q);
              return "n";
            });
    assertThat(no.code()).isEqualTo(4);
    assertThat(no.err()).contains("not confirmed: nothing was written to CSM");
    assertThat(asked.get())
        .contains("About to write to CSM at " + sandbox.baseUri())
        .contains("contacts: 5 records from " + contacts)
        .contains("companies: 2 records from " + companies)
        .endsWith("[y/N] ");
    assertThat(sandbox.customers()).isEmpty();
    assertThat(sandbox.organizations()).isEmpty();

    assertThat(migrate(env, q -> "yes").code()).isEqualTo(0);
    assertThat(sandbox.customers()).hasSize(4);
    Result skipped =
        migrate(
            env,
            q -> {
              throw new AssertionError("asked despite --yes");
            },
            "--yes");
    assertThat(skipped.code()).as(skipped.all()).isEqualTo(0);
    Result dry =
        migrate(
            env,
            q -> {
              throw new AssertionError("asked for a dry run");
            },
            "--dry-run");
    assertThat(dry.code()).as(dry.all()).isEqualTo(0);
  }

  @Test
  void taskWaitGivesUpAfterItsTimeoutWithExitCode4() throws Exception {
    try (CsmSandbox slow =
            CsmSandbox.builder().runsFor(Duration.ofSeconds(30)).token(TOKEN).start();
        CsmClient csm =
            CsmClient.builder()
                .baseUri(slow.baseUri())
                .credentials(Credentials.bearer(TOKEN))
                .build()) {
      SubmittedTask task =
          csm.customerAccounts()
              .submit(CustomerAccountBatch.of(List.of(CustomerAccount.of("a@example.com", "A"))));
      Map<String, String> env = Map.of("CSM_TOKEN", TOKEN);
      long started = System.nanoTime();
      Result r =
          CliRunner.run(
              env,
              dir,
              "task",
              "wait",
              task.id(),
              "--base-url",
              slow.baseUri().toString(),
              "--timeout",
              "1s");
      long ms = (System.nanoTime() - started) / 1_000_000;

      assertThat(r.code()).as(r.all()).isEqualTo(4);
      assertThat(r.err()).contains("(at most 1.0 s)");
      assertThat(ms).isLessThan(10_000);
      Result bad = CliRunner.run(env, dir, "task", "wait", task.id(), "--timeout", "soon");
      assertThat(bad.code()).isEqualTo(2);
      assertThat(bad.err()).contains("not a duration");
    }
  }

  @Test
  void everyCommandTakesJson() throws Exception {
    List<String> missing = new ArrayList<>();
    java.io.PrintWriter sink = new java.io.PrintWriter(new java.io.StringWriter());
    collect(CsmkitCommand.commandLine(sink, sink, Map.of(), dir, false), missing);
    assertThat(missing).isEmpty();

    JsonNode mapping =
        new ObjectMapper()
            .readTree(CliRunner.run(Map.of(), dir, "mapping", "init", "-", "--json").out());
    assertThat(mapping.isObject()).isTrue();
    assertThat(mapping.size()).isGreaterThan(0);
    Result written = CliRunner.run(Map.of(), dir, "mapping", "init", "m.yaml", "--json");
    assertThat(new ObjectMapper().readTree(written.out()).path("file").asText()).endsWith("m.yaml");
    JsonNode completion =
        new ObjectMapper()
            .readTree(CliRunner.run(Map.of(), dir, "completion", "zsh", "--json").out());
    assertThat(completion.path("shell").asText()).isEqualTo("zsh");
  }

  private static void collect(CommandLine cl, List<String> missing) {
    if (cl.getSubcommands().isEmpty()) {
      if (!cl.getCommandName().equals("help") && cl.getCommandSpec().findOption("--json") == null) {
        missing.add(cl.getCommandSpec().qualifiedName());
      }
      return;
    }
    cl.getSubcommands().values().stream().distinct().forEach(c -> collect(c, missing));
  }

  @Test
  void completionScriptsNameTheCommandsAndOptions() {
    for (String shell : List.of("bash", "zsh")) {
      Result r = CliRunner.run(Map.of(), dir, "completion", shell);
      assertThat(r.code()).isEqualTo(0);
      assertThat(r.out())
          .contains("complete -F")
          .contains("migrate")
          .contains("--dry-run")
          .contains("ZSH_VERSION");
    }
    assertThat(CliRunner.run(Map.of(), dir, "completion", "fish").code()).isEqualTo(2);
  }

  @Test
  void progressCanBePlainOrNone() {
    Result none = CliRunner.run(Map.of(), dir, "demo", "--progress", "none", "--output", "d1");
    assertThat(none.code()).isEqualTo(0);
    assertThat(none.err()).doesNotContain("Customers ...");
    Result plain = CliRunner.run(Map.of(), dir, "demo", "--progress", "plain", "--output", "d2");
    assertThat(plain.err()).contains("Customers ...").doesNotContain("\r").doesNotContain("PT");
    assertThat(CliRunner.run(Map.of(), dir, "demo", "--progress", "fancy").code()).isEqualTo(2);
  }

  @Test
  void everyHelpHasAnExampleAndTheSelfContainedOnesRun() throws Exception {
    for (String name : List.of("contacts.csv", "companies.csv")) {
      try (InputStream in = ConventionsTest.class.getResourceAsStream("/demo/" + name)) {
        Files.copy(in, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    List<String> ran = new ArrayList<>();
    for (String[] command :
        List.of(
            new String[] {"demo"},
            new String[] {"report"},
            new String[] {"runs"},
            new String[] {"migrate"},
            new String[] {"mapping"},
            new String[] {"mapping", "init"},
            new String[] {"completion"},
            new String[] {"sandbox"},
            new String[] {"task", "get"},
            new String[] {"task", "wait"})) {
      List<String> args = new ArrayList<>(List.of(command));
      args.add("--help");
      Result help = CliRunner.run(Map.of(), dir, args.toArray(String[]::new));
      assertThat(help.code()).isEqualTo(0);
      assertThat(help.out()).as(String.join(" ", command)).containsPattern("Examples?:");
      for (String line : help.out().lines().toList()) {
        String example = line.strip().replaceAll("\\s+#.*$", "");
        if (!example.startsWith("csmkit ")
            || example.contains("<")
            || example.contains("$")
            || example.startsWith("csmkit sandbox")) {
          continue; // placeholders, a shell construct, or a server that runs until Ctrl-C
        }
        for (String part : example.split("&&")) {
          if (ran.contains(part.strip())) {
            continue; // shown by a parent command too
          }
          String[] argv = part.strip().substring("csmkit ".length()).split("\\s+");
          Result r = CliRunner.run(Map.of(), dir, argv);
          assertThat(r.code()).as(part + "\n" + r.all()).isEqualTo(0);
          ran.add(part.strip());
        }
      }
    }
    assertThat(ran)
        .contains(
            "csmkit demo",
            "csmkit runs",
            "csmkit mapping init mapping.yaml",
            "csmkit migrate --contacts contacts.csv --companies companies.csv --dry-run");
  }
}
