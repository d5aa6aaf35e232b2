package io.github.csmkit.cli;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where to send requests and with which token. The token is read from an environment variable or a
 * file, never from an argument (arguments show in {@code ps} and shell history), and never printed.
 */
final class TargetOptions {
  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "CSM base URL (a sandbox or proxy), e.g. http://127.0.0.1:8080")
  URI baseUrl;

  @Option(
      names = "--cloud-id",
      paramLabel = "ID",
      description =
          "The site's cloud id: requests go to https://api.atlassian.com/jsm/csm/cloudid/ID")
  String cloudId;

  @Option(
      names = "--token-env",
      paramLabel = "VAR",
      defaultValue = "CSM_TOKEN",
      description = "Environment variable holding the token (default: ${DEFAULT-VALUE}).")
  String tokenEnv;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "File holding the token (first line); instead of --token-env.")
  Path tokenFile;

  @Option(
      names = "--email",
      paramLabel = "EMAIL",
      description =
          "Use basic authentication with this account email and the token as its API token.")
  String email;

  boolean hasTarget() {
    return baseUrl != null || cloudId != null;
  }

  /** A client for the target; usage error without one, configuration error without a token. */
  CsmClient client(Map<String, String> env) {
    if (baseUrl != null && cloudId != null) {
      throw CliException.usage("give --base-url or --cloud-id, not both");
    }
    if (!hasTarget()) {
      throw CliException.usage(
          "no target: give --base-url URL or --cloud-id ID (or --dry-run for migrate)");
    }
    String token = token(env);
    CsmClient.Builder b =
        CsmClient.builder()
            .credentials(
                email == null ? Credentials.bearer(token) : Credentials.basic(email, token))
            .userAgentSuffix("csmkit-cli");
    try {
      if (cloudId != null) {
        b.cloudId(cloudId);
      } else {
        b.baseUri(baseUrl);
      }
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // messages name the URL or the cloud id, never the token
      throw CliException.usage(e.getMessage());
    }
  }

  String token(Map<String, String> env) {
    if (tokenFile != null) {
      try {
        String first =
            Files.readString(tokenFile, StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("")
                .strip();
        if (first.isEmpty()) {
          throw CliException.config("the token file " + tokenFile + " is empty");
        }
        return first;
      } catch (IOException e) {
        throw CliException.config(
            "cannot read the token file " + tokenFile + ": " + e.getClass().getSimpleName());
      }
    }
    String token = env.get(tokenEnv);
    if (token == null || token.isBlank()) {
      throw CliException.config(
          "no token: the environment variable "
              + tokenEnv
              + " is not set (set it, or use --token-env VAR or --token-file FILE)");
    }
    return token.strip();
  }
}
