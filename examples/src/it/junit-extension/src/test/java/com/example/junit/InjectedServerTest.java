package com.example.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The server injected into the constructor, a lifecycle method and the test: one fresh server per test. */
@ExtendWith(MockJobServerExtension.class)
class InjectedServerTest {
  private final MockJobServer fromConstructor;
  private MockJobServer fromBeforeEach;

  InjectedServerTest(MockJobServer server) {
    this.fromConstructor = server;
  }

  @BeforeEach
  void setUp(MockJobServer server) {
    fromBeforeEach = server;
  }

  /** Awaits a screening the server finishes at once; only this test's job is on the server. */
  static void awaitOneScreening(MockJobServer server) {
    assertTrue(server.jobs().list().isEmpty(), "a fresh server has no job of another test");
    String jobId = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY, Lifecycle.succeedsAfter(Duration.ZERO));
    try (DeepIdvClient client = DeepIdvClient.builder().baseUrl(server.deepIdvBaseUrl())
        .apiKey(MockCredentials.DEEPIDV_ORG_A_KEY).scheduler(VirtualScheduler.create()).build()) {
      AdverseMediaResult result = client.asyncJobs().handle(jobId, AdverseMediaResult.class).awaitCompletion();
      assertTrue(result.riskScore() >= 0 && result.riskScore() <= 100);
    }
    assertEquals(1, server.jobs().list().size());
  }

  @Test
  void runsOnTheJupiterVersionTheProjectChose() {
    assertEquals(System.getProperty("expectedJupiterVersion"),
        ExtensionContext.class.getPackage().getImplementationVersion());
  }

  @RepeatedTest(6)
  void eachTestGetsItsOwnServer_theSameInConstructorLifecycleMethodAndTest(MockJobServer server) {
    assertSame(fromConstructor, server);
    assertSame(fromBeforeEach, server);
    awaitOneScreening(server);
  }

  @Nested
  class WhenNested {
    private final MockJobServer fromNestedConstructor;

    WhenNested(MockJobServer server) {
      this.fromNestedConstructor = server;
    }

    @RepeatedTest(3)
    void aNestedTestSharesItsEnclosingInstancesServer(MockJobServer server) {
      assertSame(fromConstructor, server);
      assertSame(fromNestedConstructor, server);
      awaitOneScreening(server);
    }
  }
}
