package io.github.csmkit.cli;

import io.github.csmkit.client.Credentials;
import io.github.csmkit.client.CsmClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * Where to send requests and with which token. The token is read from an environment variable or a
 * file, never from an argument (arguments show in {@code ps} and shell history), and never printed.
 */
final class TargetOptions {
  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "CSM base URL (a sandbox or proxy), e.g. http://127.0.0.1:8080. Default: $CSM_BASE_URL.")
  URI baseUrl;

  @Option(
      names = "--cloud-id",
      paramLabel = "ID",
      description =
          "The site's cloud id: requests go to https://api.atlassian.com/jsm/csm/cloudid/ID."
              + " Default: $CSM_CLOUD_ID.")
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

  /** The environment variables that name the target when no flag does. */
  static final String ENV_CLOUD_ID = "CSM_CLOUD_ID";

  static final String ENV_BASE_URL = "CSM_BASE_URL";

  boolean hasTarget() {
    return baseUrl != null || cloudId != null;
  }

  /** A client for the target; usage error without one, configuration error without a token. */
  CsmClient client(Map<String, String> env) {
    return client(env, b -> {});
  }

  /**
   * A client for the target given by the flags, else by {@code CSM_BASE_URL} or {@code
   * CSM_CLOUD_ID} (a flag wins over both variables), adjusted by {@code configure}.
   */
  CsmClient client(Map<String, String> env, Consumer<CsmClient.Builder> configure) {
    return client(env, configure, true);
  }

  /**
   * A client that only names the target site, for a dry run's plan: it reads the state of that site
   * and sends nothing, so it needs no token (a placeholder stands in when none is set).
   */
  CsmClient siteOnly(Map<String, String> env) {
    return client(env, b -> {}, false);
  }

  private CsmClient client(
      Map<String, String> env, Consumer<CsmClient.Builder> configure, boolean needToken) {
    if (baseUrl != null && cloudId != null) {
      throw CliException.usage("give --base-url or --cloud-id, not both");
    }
    URI base = baseUrl;
    String cloud = cloudId;
    if (!hasTarget()) {
      String envBase = blankToNull(env.get(ENV_BASE_URL));
      cloud = blankToNull(env.get(ENV_CLOUD_ID));
      if (envBase != null && cloud != null) {
        throw CliException.usage(
            "both "
                + ENV_BASE_URL
                + " and "
                + ENV_CLOUD_ID
                + " are set: unset one, or give a flag");
      }
      if (envBase != null) {
        try {
          base = URI.create(envBase);
        } catch (IllegalArgumentException e) {
          throw CliException.usage(ENV_BASE_URL + " is not a URL: " + envBase);
        }
      }
    }
    if (base == null && cloud == null) {
      throw CliException.usage(
          "no target: give --base-url URL or --cloud-id ID, or set "
              + ENV_BASE_URL
              + " or "
              + ENV_CLOUD_ID
              + " (or --dry-run for migrate)");
    }
    String token;
    try {
      token = token(env);
    } catch (CliException e) {
      if (needToken) {
        throw e;
      }
      token = "no-token: a plan sends nothing";
    }
    CsmClient.Builder b =
        CsmClient.builder()
            .credentials(
                email == null ? Credentials.bearer(token) : Credentials.basic(email, token))
            .userAgentSuffix("csmkit-cli");
    configure.accept(b);
    try {
      if (cloud != null) {
        b.cloudId(cloud);
      } else {
        b.baseUri(base);
      }
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // messages name the URL or the cloud id, never the token
      if (base != null
          && "http".equalsIgnoreCase(base.getScheme())
          && e.getMessage() != null
          && e.getMessage().startsWith("refusing plain http")) {
        // the SDK's message names a builder method a CLI user cannot call
        throw CliException.usage(
            "refusing plain http to "
                + base.getHost()
                + ": the token would travel unencrypted. Use an https:// --base-url, or reach the"
                + " site through a local address (an SSH tunnel or proxy on 127.0.0.1)");
      }
      throw CliException.usage(e.getMessage());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
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
