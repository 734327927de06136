package dev.jobsdk.mock.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.mock.MockCredentials;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class StandaloneTest {

  private static final OkHttpClient CLIENT = new OkHttpClient();

  @Test
  void options_parseTheDocumentedFlags() {
    Standalone.Options defaults = Standalone.Options.parse();
    assertThat(defaults.port()).isEqualTo(8080);
    assertThat(defaults.seed()).isZero();
    assertThat(defaults.timeScale()).isEqualTo(1.0);
    Standalone.Options options = Standalone.Options.parse("--port", "0", "--seed=42", "--time-scale", "60",
        "--start-time", "2026-01-01T00:00:00Z");
    assertThat(options.port()).isZero();
    assertThat(options.seed()).isEqualTo(42);
    assertThat(options.timeScale()).isEqualTo(60.0);
    assertThat(options.startTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(Standalone.Options.parse("--help").help()).isTrue();
    assertThat(defaults.rateLimits()).isTrue();
    assertThat(Standalone.Options.parse("--no-rate-limits").rateLimits()).isFalse();
    assertThatThrownBy(() -> Standalone.Options.parse("--port")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> Standalone.Options.parse("--port", "http")).hasMessageContaining("bad value");
    assertThatThrownBy(() -> Standalone.Options.parse("--time-scale", "0")).hasMessageContaining("positive");
    assertThatThrownBy(() -> Standalone.Options.parse("--verbose", "1")).hasMessageContaining("unknown flag");
  }

  @Test
  void run_printsUrlsAndCredentials_servesVendorsAndAdmin_andStopsCleanly() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
        Standalone.run(new String[] {"--port", "0", "--seed", "7", "--time-scale", "60"}, out, System.err, stop));

    String banner = awaitOutput(bytes, "Press Ctrl+C");
    for (String credential : new String[] {MockCredentials.DEEPCURRENT_PAID_KEY, MockCredentials.DEEPCURRENT_FREE_KEY,
        MockCredentials.DEEPIDV_ORG_A_KEY, MockCredentials.DEEPIDV_ORG_B_KEY, MockCredentials.RISK_USER_EMAIL,
        MockCredentials.RISK_USER_PASSWORD, MockCredentials.RISK_ADMIN_EMAIL, MockCredentials.RISK_ADMIN_PASSWORD,
        MockCredentials.DEEPCURRENT_LOGIN_EMAIL, "/__mock/", "seed 7", "time scale 60.0"}) {
      assertThat(banner).contains(credential);
    }
    Matcher url = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(banner);
    assertThat(url.find()).isTrue();
    String base = url.group(1);

    try (Response response = CLIENT.newCall(new Request.Builder().url(base + "/v1/async-jobs/x")
        .header("x-api-key", MockCredentials.DEEPIDV_ORG_A_KEY).build()).execute()) {
      assertThat(response.code()).isEqualTo(400);
    }
    try (Response response = CLIENT.newCall(new Request.Builder().url(base + "/__mock/clock").build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).contains("\"external\":false");
    }

    // base URLs a client takes as they are: the root, never .../v1 or .../api
    assertThat(banner).contains("export DEEPCURRENT_BASE_URL=" + base + " DEEPCURRENT_API_KEY="
        + MockCredentials.DEEPCURRENT_PAID_KEY, "export DEEPIDV_BASE_URL=" + base + " DEEPIDV_API_KEY="
        + MockCredentials.DEEPIDV_ORG_A_KEY, "export JOBS_BASE_URL=" + base + " JOBS_EMAIL=");
    assertThat(banner).doesNotContain(base + "/v1", base + "/api");

    // the demo jobs it printed exist, in the states it printed, once past their few queued seconds
    // (at time scale 60 those last ~80 ms of real time, less than a fast first request can take)
    assertThat(post(base + "/__mock/clock/advance", "{\"seconds\":10}")).isEqualTo(200);
    Matcher line = Pattern.compile("(?m)^\\s+(bd|growth|deepidv|jobs)\\s+([0-9a-f-]{36})\\s+(running|completed|failed)")
        .matcher(banner);
    int printed = 0;
    while (line.find()) {
      printed++;
      String want = switch (line.group(3)) {
        case "running" -> "(running|processing|PROCESSING)";
        case "completed" -> "(completed|ready|COMPLETED)";
        default -> "(failed|FAILED)";
      };
      assertThat(get(base + "/__mock/jobs/" + line.group(2))).containsPattern("\"status\":\"" + want + "\"");
    }
    assertThat(printed).isEqualTo(12);

    // rate limits are on in the standalone jar: the sixth login in a minute is throttled
    String login = "{\"email\":\"" + MockCredentials.RISK_USER_EMAIL + "\",\"password\":\"wrong-password\"}";
    for (int i = 0; i < 5; i++) {
      assertThat(post(base + "/api/auth/login", login)).isEqualTo(401);
    }
    assertThat(post(base + "/api/auth/login", login)).isEqualTo(429);

    stop.countDown();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("jobsdk mock server stopped.");
  }

  private static String get(String url) throws Exception {
    try (Response response = CLIENT.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return response.body().string();
    }
  }

  private static int post(String url, String json) throws Exception {
    try (Response response = CLIENT.newCall(new Request.Builder().url(url)
        .post(okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json"))).build()).execute()) {
      return response.code();
    }
  }

  @Test
  void tls_servesHttpsAndPrintsHowToTrustTheGeneratedCertificate() throws Exception {
    assertThat(Standalone.Options.parse("--tls").tls()).isTrue();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
        Standalone.run(new String[] {"--port", "0", "--tls"}, out, System.err, stop));
    try {
      String banner = awaitOutput(bytes, "Press Ctrl+C");
      Matcher url = Pattern.compile("listening on (https://127\\.0\\.0\\.1:\\d+)").matcher(banner);
      assertThat(url.find()).as(banner).isTrue();
      Matcher pem = Pattern.compile("curl --cacert (\\S+) ").matcher(banner);
      assertThat(pem.find()).as(banner).isTrue();
      assertThat(banner).contains("-Djavax.net.ssl.trustStore=", "-Djavax.net.ssl.trustStorePassword=");

      X509Certificate certificate = Certificates.decodeCertificatePem(Files.readString(Path.of(pem.group(1))));
      HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(certificate).build();
      OkHttpClient trusting = CLIENT.newBuilder().sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
      try (Response response = trusting.newCall(new Request.Builder().url(url.group(1) + "/__mock/clock").build())
          .execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.handshake()).isNotNull();
      }
      assertThatThrownBy(() -> CLIENT.newCall(new Request.Builder().url(url.group(1) + "/__mock/clock").build())
          .execute()).isInstanceOf(SSLException.class);
    } finally {
      stop.countDown();
    }
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void run_helpAndBadFlags_returnWithoutStarting() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CountDownLatch never = new CountDownLatch(1);
    assertThat(Standalone.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err, never)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar mock-server.jar");
    assertThat(Standalone.run(new String[] {"--nope"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
        never)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown flag --nope", "Usage:");
  }

  /** Waits for the server thread's banner; startup takes milliseconds, the bound is generous. */
  private static String awaitOutput(ByteArrayOutputStream bytes, String marker) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String text = bytes.toString(StandardCharsets.UTF_8);
      if (text.contains(marker)) {
        return text;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no banner: " + bytes.toString(StandardCharsets.UTF_8));
  }
}
