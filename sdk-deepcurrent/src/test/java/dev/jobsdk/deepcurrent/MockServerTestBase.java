package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * One virtual clock drives the client's poller and the mock server, so a wait of minutes runs on
 * the test thread in milliseconds.
 */
abstract class MockServerTestBase {
  static final String PAID = MockCredentials.DEEPCURRENT_PAID_KEY;
  static final String FREE = MockCredentials.DEEPCURRENT_FREE_KEY;

  /** Polls every 5 s without jitter, so event sequences are deterministic. */
  static final PollingPolicy EVERY_5S =
      PollingPolicy.builder()
          .interval(Duration.ofSeconds(5))
          .multiplier(1.0)
          .maxInterval(Duration.ofSeconds(5))
          .jitter(PollingPolicy.Jitter.NONE)
          .totalTimeout(Duration.ofHours(1))
          .build();

  final VirtualScheduler time = VirtualScheduler.create();
  MockJobServer server;
  DeepCurrentClient client;
  private final List<DeepCurrentClient> extra = new ArrayList<>();

  MockJobServer.Builder serverBuilder() {
    return MockJobServer.builder().clock(time.clock());
  }

  @BeforeEach
  void start() {
    server = serverBuilder().start();
    client = client(PAID);
  }

  DeepCurrentClient client(String apiKey) {
    DeepCurrentClient c =
        DeepCurrentClient.builder()
            .apiKey(apiKey)
            .baseUrl(server.deepCurrentBaseUrl())
            .scheduler(time)
            .build();
    extra.add(c);
    return c;
  }

  DeepCurrentClient loginClient() {
    DeepCurrentClient c =
        DeepCurrentClient.builder()
            .login(MockCredentials.DEEPCURRENT_LOGIN_EMAIL, MockCredentials.DEEPCURRENT_LOGIN_PASSWORD)
            .baseUrl(server.deepCurrentBaseUrl())
            .scheduler(time)
            .build();
    extra.add(c);
    return c;
  }

  @AfterEach
  void stop() {
    extra.forEach(DeepCurrentClient::close);
    server.close();
  }
}
