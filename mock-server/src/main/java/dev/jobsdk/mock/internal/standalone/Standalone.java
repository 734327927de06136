package dev.jobsdk.mock.internal.standalone;

import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The standalone server behind {@code java -jar mock-server.jar}: flags, banner, shutdown. */
public final class Standalone implements AutoCloseable {

  /** Printed for {@code --help} and after a bad flag. */
  public static final String USAGE = String.join(System.lineSeparator(),
      "Usage: java -jar mock-server.jar [--port N] [--seed N] [--time-scale X] [--start-time ISO-INSTANT] [--tls]",
      "  --port N         port on 127.0.0.1 (default 8080; 0 picks a free port)",
      "  --seed N         seed of all randomness (default 0)",
      "  --time-scale X   virtual seconds per real second (default 1; 60 makes a minute pass per second)",
      "  --start-time T   where the virtual clock starts (default: now)",
      "  --no-rate-limits answer every request (default: the vendors' documented limits, 429 with Retry-After)",
      "  --tls            serve HTTPS with a certificate generated at start; prints how to trust it",
      "  --help           print this and exit");

  /** The password of the trust store {@code --tls} writes; it protects nothing secret (a public certificate). */
  static final String TRUST_STORE_PASSWORD = "changeit";

  private final MockJobServer server;

  /**
   * Parsed command-line flags.
   *
   * @param port the port
   * @param seed the seed
   * @param timeScale virtual seconds per real second
   * @param startTime where the clock starts, or {@code null} for now
   * @param help whether only help was asked for
   * @param rateLimits whether to enforce the vendors' documented rate limits
   * @param tls whether to serve HTTPS with a generated certificate
   */
  public record Options(int port, long seed, double timeScale, Instant startTime, boolean help, boolean rateLimits,
      boolean tls) {

    /**
     * Parses flags.
     *
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException for an unknown flag or a bad value
     */
    public static Options parse(String... args) {
      int port = 8080;
      long seed = 0;
      double timeScale = 1.0;
      Instant startTime = null;
      boolean rateLimits = true;
      boolean tls = false;
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        String value = null;
        int eq = flag.indexOf('=');
        if (flag.startsWith("--") && eq > 0) {
          value = flag.substring(eq + 1);
          flag = flag.substring(0, eq);
        }
        if ("--help".equals(flag) || "-h".equals(flag)) {
          return new Options(port, seed, timeScale, startTime, true, rateLimits, tls);
        }
        if ("--tls".equals(flag) && value == null) {
          tls = true;
          continue;
        }
        if ("--no-rate-limits".equals(flag) && value == null) {
          rateLimits = false;
          continue;
        }
        if (!List.of("--port", "--seed", "--time-scale", "--start-time").contains(flag)) {
          throw new IllegalArgumentException("unknown flag " + flag);
        }
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
          }
          value = args[++i];
        }
        try {
          switch (flag) {
            case "--port" -> {
              port = Integer.parseInt(value);
              if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535");
              }
            }
            case "--seed" -> seed = Long.parseLong(value);
            case "--time-scale" -> {
              timeScale = Double.parseDouble(value);
              if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
                throw new IllegalArgumentException("--time-scale must be a positive number");
              }
            }
            default -> startTime = Instant.parse(value);
          }
        } catch (NumberFormatException | DateTimeParseException e) {
          throw new IllegalArgumentException("bad value for " + flag + ": " + value);
        }
      }
      return new Options(port, seed, timeScale, startTime, false, rateLimits, tls);
    }
  }

  private Standalone(MockJobServer server) {
    this.server = server;
  }

  /**
   * Starts a server with a few demo jobs and prints what a user needs to use it at once: base URLs and
   * demo credentials as {@code export} lines for the SDK's {@code fromEnv()} and the {@code jobsdk}
   * CLI, the demo jobs' ids, and the admin API.
   *
   * @param options the parsed flags
   * @param out where to print
   * @return the running standalone server
   */
  public static Standalone start(Options options, PrintStream out) {
    MockJobServer server = MockJobServer.builder()
        .port(options.port())
        .seed(options.seed())
        .startTime(options.startTime() == null ? Instant.now() : options.startTime())
        .timeScale(options.timeScale())
        .rateLimits(options.rateLimits())
        .tls(options.tls())
        .start();
    List<DemoJobs.DemoJob> jobs = DemoJobs.create(server);
    banner(server, options, jobs, out);
    out.flush();
    return new Standalone(server);
  }

  /**
   * Writes the generated certificate (PEM) and a PKCS#12 trust store holding it into a new temporary
   * directory, and prints how curl, a JVM and an OkHttp client trust it.
   */
  private static void printTrust(MockJobServer server, PrintStream out) {
    String url = server.baseUrl();
    try {
      Path dir = Files.createTempDirectory("jobsdk-mock-tls-");
      Path pem = dir.resolve("mock-server-cert.pem");
      Files.writeString(pem, server.tlsCertificatePem(), StandardCharsets.US_ASCII);
      Path trustStore = dir.resolve("mock-server-truststore.p12");
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("jobsdk-mock-server", server.tlsCertificate());
      try (OutputStream file = Files.newOutputStream(trustStore)) {
        store.store(file, TRUST_STORE_PASSWORD.toCharArray());
      }
      out.println("TLS          a certificate generated for this run (127.0.0.1 and localhost, valid one day);");
      out.println("             trust it, and only for this server:");
      out.println("  curl       curl --cacert " + pem + " " + url + "/__mock/clock");
      out.println("  JVM        -Djavax.net.ssl.trustStore=" + trustStore + " -Djavax.net.ssl.trustStorePassword="
          + TRUST_STORE_PASSWORD);
      out.println("  OkHttp     HandshakeCertificates.Builder().addTrustedCertificate("
          + "Certificates.decodeCertificatePem(<" + pem.getFileName() + ">))");
    } catch (IOException | GeneralSecurityException e) {
      out.println("TLS          could not write the certificate for clients: " + e.getMessage());
      out.print(server.tlsCertificatePem());
    }
  }

  /**
   * The banner. Every base URL is the server's root: each SDK client adds its vendor's prefix
   * ({@code /api/v1}, {@code /v1}, {@code /api}) itself.
   */
  static void banner(MockJobServer server, Options options, List<DemoJobs.DemoJob> jobs, PrintStream out) {
    String url = server.baseUrl();
    out.println("jobsdk mock server listening on " + url + " (seed " + options.seed() + ", time scale "
        + options.timeScale() + ", clock at " + server.clock().now().truncatedTo(ChronoUnit.MILLIS) + ", rate limits "
        + (options.rateLimits() ? "on" : "off") + ")");
    out.println();
    out.println("Point the SDK's fromEnv() and the jobsdk CLI at it (paste into your shell):");
    out.println("  export DEEPCURRENT_BASE_URL=" + server.deepCurrentBaseUrl() + " DEEPCURRENT_API_KEY="
        + MockCredentials.DEEPCURRENT_PAID_KEY);
    out.println("  export DEEPIDV_BASE_URL=" + server.deepIdvBaseUrl() + " DEEPIDV_API_KEY="
        + MockCredentials.DEEPIDV_ORG_A_KEY);
    out.println("  export JOBS_BASE_URL=" + server.riskToolBaseUrl() + " JOBS_EMAIL=" + MockCredentials.RISK_ADMIN_EMAIL
        + " JOBS_PASSWORD=" + MockCredentials.RISK_ADMIN_PASSWORD);
    out.println();
    out.println("More demo credentials:");
    out.println("  DeepCurrent  " + MockCredentials.DEEPCURRENT_FREE_KEY + " (free tier: 403 on paid features); JWT login "
        + MockCredentials.DEEPCURRENT_LOGIN_EMAIL + " / " + MockCredentials.DEEPCURRENT_LOGIN_PASSWORD);
    out.println("  DeepIDV      " + MockCredentials.DEEPIDV_ORG_B_KEY + " (a second organisation)");
    out.println("  Risk tool    " + MockCredentials.RISK_USER_EMAIL + " / " + MockCredentials.RISK_USER_PASSWORD
        + " (not admin); " + MockCredentials.RISK_NEW_USER_EMAIL + " / " + MockCredentials.RISK_NEW_USER_PASSWORD
        + " (first login must set a new password)");
    out.println();
    out.println("Jobs to try, e.g. java -jar examples/target/jobsdk.jar await " + jobs.get(0).family() + " "
        + jobs.get(0).id() + ":");
    for (DemoJobs.DemoJob job : jobs) {
      out.println(String.format("  %-8s %s  %-9s %s", job.family(), job.id(), job.state(), job.note()).stripTrailing());
    }
    out.println();
    if (options.tls()) {
      printTrust(server, out);
      out.println();
    }
    out.println("Admin API    " + url + "/__mock/  (the mock's own; no vendor has it). Create a job of any kind:");
    out.println("  curl -X POST " + url + "/__mock/jobs -d '{\"family\":\"deepidv\",\"lifecycle\":{\"seconds\":60,"
        + "\"outcome\":\"fail\",\"message\":\"upstream timeout\"}}'");
    out.println("Press Ctrl+C to stop.");
  }

  /** @return the running server */
  public MockJobServer server() {
    return server;
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.close();
  }

  /**
   * The command-line entry point: parses flags, starts, blocks until {@code stop} is counted down (by
   * {@link dev.jobsdk.mock.Main}'s shutdown hook on Ctrl+C), then closes the server.
   *
   * @param args the command line
   * @param out where to print the banner
   * @param err where to print problems
   * @param stop counted down to stop the server
   * @return the exit status: 0 after a clean stop or {@code --help}, 1 when the port cannot be bound, 2
   *     for bad flags
   */
  public static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(USAGE);
      return 0;
    }
    silenceMissingSlf4jProvider();
    Standalone standalone;
    try {
      standalone = start(options, out);
    } catch (UncheckedIOException e) {
      err.println(e.getMessage() + ": " + e.getCause().getMessage());
      return 1;
    }
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      standalone.close();
      out.println("jobsdk mock server stopped.");
      out.flush();
    }
    return 0;
  }

  /** The shaded jar carries no SLF4J provider; say so quietly instead of with a warning. */
  private static void silenceMissingSlf4jProvider() {
    if (System.getProperty("slf4j.provider") == null
        && ClassLoader.getSystemResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
  }
}
