package dev.jobsdk.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

// README:BEGIN junit
@ExtendWith(MockJobServerExtension.class)
class PollingTest {
  @Test
  void completes(MockJobServer server) {
    String jobId = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY, Lifecycle.succeedsAfter(Duration.ZERO));
    try (DeepIdvClient client = DeepIdvClient.builder().baseUrl(server.deepIdvBaseUrl())
        .apiKey(MockCredentials.DEEPIDV_ORG_A_KEY).build()) {
      assertThat(client.asyncJobs().handle(jobId, AdverseMediaResult.class).awaitCompletion().riskScore()).isBetween(0, 100);
    }
  }
}
// README:END junit

/** The extension with options: every server follows the test's virtual clock. */
class VirtualClockPollingTest {
  // README:BEGIN junitoptions
  final VirtualScheduler time = VirtualScheduler.create();

  @RegisterExtension
  final MockJobServerExtension mock = MockJobServerExtension.builder().seed(7).clock(() -> time.clock()).build();

  @Test
  void aTenMinuteJobIsAwaitedInMilliseconds() {
    MockJobServer server = mock.server();
    Instant start = time.clock().instant();
    String jobId = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY, Lifecycle.succeedsAfter(Duration.ofMinutes(10)));
    try (DeepIdvClient client = DeepIdvClient.builder().baseUrl(server.deepIdvBaseUrl())
        .apiKey(MockCredentials.DEEPIDV_ORG_A_KEY).scheduler(time).build()) {
      client.asyncJobs().handle(jobId, AdverseMediaResult.class).awaitCompletion();
    }
    assertThat(Duration.between(start, time.clock().instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
  }
  // README:END junitoptions
}
