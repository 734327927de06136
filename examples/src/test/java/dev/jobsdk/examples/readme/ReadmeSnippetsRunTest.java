package dev.jobsdk.examples.readme;

import dev.jobsdk.core.WaitOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.deepcurrent.BdJob;
import dev.jobsdk.deepcurrent.DeepCurrentClient;
import dev.jobsdk.deepidv.AdverseMediaRequest;
import dev.jobsdk.deepidv.AdverseMediaScreening;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.jobs.JobsClient;
import dev.jobsdk.mock.Fault;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's short snippets, each run as written (the longer ones are the example programs). */
@Timeout(30)
class ReadmeSnippetsRunTest {

  @Test
  void theDeepCurrentClientIsBuiltAsShown_withoutARequest() {
    // README:BEGIN deepcurrentclient
    DeepCurrentClient client = DeepCurrentClient.builder().apiKey("dc_...").build();   // or fromEnv()
    // README:END deepcurrentclient
    try (client) {
      assertThat(client.baseUrl()).isEqualTo("https://api.deepcurrent.app");
    }
  }

  @Test
  void theDeepIdvClientIsBuiltAsShown_withoutARequest() {
    // README:BEGIN deepidvclient
    DeepIdvClient client = DeepIdvClient.builder().apiKey("sk_...").build();   // or fromEnv()
    // README:END deepidvclient
    try (client) {
      assertThat(client.baseUrl()).isEqualTo("https://api.deepidv.com");
    }
  }

  @Test
  void theRiskToolClientIsBuiltAsShown_withoutARequest() {
    // README:BEGIN jobsclient
    JobsClient client = JobsClient.builder().baseUrl("https://risk.example.org")
        .login("user@example.com", "user-password").build();
    // README:END jobsclient
    try (client) {
      assertThat(client.toString()).doesNotContain("user-password");
    }
  }

  @Test
  void aPatientPolicy_waitsForAJobTheDefaultWouldGiveUpOn() {
    VirtualScheduler time = VirtualScheduler.create();
    try (MockJobServer server = MockJobServer.builder().clock(time.clock()).start();
         DeepCurrentClient client = DeepCurrentClient.builder().baseUrl(server.deepCurrentBaseUrl())
             .apiKey(MockCredentials.DEEPCURRENT_PAID_KEY).scheduler(time).build()) {
      String jobId = server.deepCurrent().createBdJob(MockCredentials.DEEPCURRENT_PAID_KEY, "full_pipeline",
          Lifecycle.builder().stage("enriching", Duration.ofHours(3), "Enriching...").succeed().build());
      // README:BEGIN patient
      PollingPolicy patient = DeepCurrentClient.DEFAULT_POLLING_POLICY.toBuilder()
          .totalTimeout(Duration.ofHours(6)).stallTimeout(Duration.ofMinutes(30)).build();
      BdJob job = client.bdJobs().handle(jobId)
          .awaitCompletion(WaitOptions.of(patient, j -> System.out.println(j.progress())));
      // README:END patient
      assertThat(job.state().isTerminal()).isTrue();
      assertThat(job.rawStatus()).isEqualTo("completed");
    }
  }

  @Test
  void theMockServersJavaApi() {
    // README:BEGIN mockapi
    try (MockJobServer server = MockJobServer.builder().seed(42L).start();   // port 0, 127.0.0.1
         DeepIdvClient client = DeepIdvClient.builder().baseUrl(server.deepIdvBaseUrl())
             .apiKey(MockCredentials.DEEPIDV_ORG_A_KEY).build()) {
      server.deepIdv().nextJob(Lifecycle.builder().queued(Duration.ofSeconds(5))
          .stage("searching", Duration.ofSeconds(25), "Searching...").fail("upstream timeout").build());
      server.faults().add(Fault.on("GET", "/v1/async-jobs/*").nth(2).status(429).retryAfter(Duration.ofSeconds(7)));
      AdverseMediaScreening screening = client.screening().adverseMedia(AdverseMediaRequest.builder()
          .email("jane.doe@example.com").firstName("Jane").lastName("Doe").dateOfBirth("1985-04-12").build());
      server.clock().advance(Duration.ofSeconds(30));           // the next poll shows "failed"
      assertThatThrownBy(screening::awaitCompletion)
          .isInstanceOf(JobFailedException.class).hasMessageContaining("upstream timeout");
      assertThat(server.journal().requestsAfterTerminal(screening.id())).isZero();
    }
    // README:END mockapi
  }
}
