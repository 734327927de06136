package dev.jobsdk.deepidv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.time.Duration;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the mock server over TLS: a real {@code https} base URL, no
 * {@code allowInsecureHttp}, the mock's generated certificate trusted and nothing else.
 */
class DeepIdvTlsMockServerTest {

  private final VirtualScheduler time = VirtualScheduler.create();
  private final MockJobServer server = MockJobServer.builder().clock(time.clock()).tls(true).start();

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void screening_overHttps_trustingTheMocksCertificate() {
    assertThat(server.deepIdvBaseUrl()).startsWith("https://127.0.0.1:");
    server.deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ofSeconds(10)));
    OkHttpClient trusting = new OkHttpClient.Builder()
        .sslSocketFactory(server.tlsSocketFactory(), server.tlsTrustManager()).build();
    try (DeepIdvClient client = DeepIdvClient.builder().apiKey(MockCredentials.DEEPIDV_ORG_A_KEY)
        .baseUrl(server.deepIdvBaseUrl()).okHttpClient(trusting).scheduler(time).build()) {
      AdverseMediaScreening screening = client.screening().adverseMedia(Fixtures.request());
      AdverseMediaResult result = screening.awaitCompletion();
      assertThat(result.riskScore()).isBetween(0, 100);
      assertThat(server.journal().requestsAfterTerminal(screening.id())).isZero();
    }
  }

  @Test
  void aClientThatDoesNotTrustTheCertificate_failsTheHandshake() {
    try (DeepIdvClient client = DeepIdvClient.builder().apiKey(MockCredentials.DEEPIDV_ORG_A_KEY)
        .baseUrl(server.deepIdvBaseUrl()).scheduler(time).build()) {
      assertThatThrownBy(() -> client.screening().adverseMedia(Fixtures.request()))
          .satisfies(e -> assertThat(causes(e)).anyMatch(SSLException.class::isInstance));
    }
  }

  private static java.util.List<Throwable> causes(Throwable e) {
    java.util.List<Throwable> all = new java.util.ArrayList<>();
    for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
      all.add(t);
    }
    return all;
  }
}
