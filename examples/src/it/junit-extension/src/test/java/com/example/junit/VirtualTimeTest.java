package com.example.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension built with options: the server follows the client's virtual clock. */
class VirtualTimeTest {
  final VirtualScheduler time = VirtualScheduler.create();

  @RegisterExtension
  final MockJobServerExtension mock = MockJobServerExtension.builder().seed(7).clock(() -> time.clock()).build();

  DeepIdvClient client;

  DeepIdvClient client(MockJobServer server) {
    client = DeepIdvClient.builder().baseUrl(server.deepIdvBaseUrl())
        .apiKey(MockCredentials.DEEPIDV_ORG_A_KEY).scheduler(time).build();
    return client;
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void aTenMinuteScreeningIsAwaitedInVirtualTime(MockJobServer server) {
    assertSame(mock.server(), server);
    Instant start = time.clock().instant();
    String jobId = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY,
        Lifecycle.builder().stage("searching", Duration.ofMinutes(10), "Searching...").succeed().build());

    AdverseMediaResult result = client(server).asyncJobs().handle(jobId, AdverseMediaResult.class).awaitCompletion();

    assertEquals(9, result.exposuresByCategory().all().size());
    assertTrue(Duration.between(start, time.clock().instant()).compareTo(Duration.ofMinutes(10)) >= 0,
        "the wait ran on the virtual clock past the job's ten minutes");
    assertEquals(0, server.journal().requestsAfterTerminal(jobId));
  }

  @Test
  void aFailedScreeningIsAJobFailedExceptionWithTheServersReason() {
    MockJobServer server = mock.server();
    String jobId = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY,
        Lifecycle.builder().stage("searching", Duration.ofMinutes(3), "Searching...").fail("upstream timeout").build());

    JobFailedException failed = assertThrows(JobFailedException.class,
        () -> client(server).asyncJobs().handle(jobId, AdverseMediaResult.class).awaitCompletion());

    assertTrue(failed.getMessage().contains("upstream timeout"), failed.getMessage());
  }
}
