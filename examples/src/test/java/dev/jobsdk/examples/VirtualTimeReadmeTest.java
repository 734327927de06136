package dev.jobsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's "your own tests, on virtual time" example, run as written. */
class VirtualTimeReadmeTest {

  @Test
  @Timeout(60) // a guard against a hang: the first test of a JVM on a loaded machine took 18 s
  void aTenMinuteFailingJob_isAwaitedInVirtualTime() {
    // README:BEGIN virtualtime
    VirtualScheduler time = VirtualScheduler.create();
    try (MockJobServer server = MockJobServer.builder().clock(time.clock()).start();
         DeepIdvClient client = DeepIdvClient.builder().baseUrl(server.deepIdvBaseUrl())
             .apiKey(MockCredentials.DEEPIDV_ORG_A_KEY).scheduler(time).build()) {
      String jobId = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY,
          Lifecycle.builder().stage("searching", Duration.ofMinutes(10), "Searching...").fail("upstream timeout").build());
      assertThatThrownBy(() -> client.asyncJobs().handle(jobId, AdverseMediaResult.class).awaitCompletion())
          .isInstanceOf(JobFailedException.class).hasMessageContaining("upstream timeout");
      assertThat(server.journal().requestsAfterTerminal(jobId)).isZero();
    }
    // README:END virtualtime
  }
}
