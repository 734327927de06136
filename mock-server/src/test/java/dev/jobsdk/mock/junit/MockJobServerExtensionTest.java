package dev.jobsdk.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

class MockJobServerExtensionTest {

  /** Every test starts from a fresh server: no jobs, the default clock, then leaves some state behind. */
  static void assertFreshThenDirty(MockJobServer server) {
    assertThat(server.jobs().list()).isEmpty();
    assertThat(server.clock().now()).isEqualTo(MockJobServer.DEFAULT_START_TIME);
    assertThat(server.journal().requestCount()).isZero();
    server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY, null);
    server.clock().advance(Duration.ofHours(1));
  }

  @Nested
  @ExtendWith(MockJobServerExtension.class)
  class Declarative {
    private final MockJobServer fromConstructor;
    private MockJobServer fromBeforeEach;

    Declarative(MockJobServer server) {
      this.fromConstructor = server;
    }

    @BeforeEach
    void setUp(MockJobServer server) {
      fromBeforeEach = server;
    }

    @RepeatedTest(3)
    void eachTestGetsAFreshServer_theSameInConstructorLifecycleMethodAndTest(MockJobServer server) {
      assertThat(server).isSameAs(fromConstructor).isSameAs(fromBeforeEach);
      assertFreshThenDirty(server);
    }

    @Nested
    class Inner {
      @Test
      void nestedTestsShareTheEnclosingInstancesServer(MockJobServer server) {
        assertThat(server).isSameAs(fromConstructor);
        assertFreshThenDirty(server);
      }
    }
  }

  @Nested
  class Tls {
    @RegisterExtension
    final MockJobServerExtension mock = MockJobServerExtension.builder().tls(true).build();

    @Test
    void servesHttpsTrustedThroughTheServersTrustManager() throws Exception {
      MockJobServer server = mock.server();
      assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
      okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder()
          .sslSocketFactory(server.tlsSocketFactory(), server.tlsTrustManager()).build();
      try (okhttp3.Response response = client.newCall(new okhttp3.Request.Builder()
          .url(server.baseUrl() + "/__mock/clock").build()).execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.handshake()).isNotNull();
      }
    }
  }

  @Nested
  class Programmatic {
    private final AtomicReference<Instant> externalNow = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));

    @RegisterExtension
    final MockJobServerExtension mock = MockJobServerExtension.builder()
        .seed(99)
        .tokenLifetime(Duration.ofMinutes(5))
        .deepIdvCreatedAtSeconds(true)
        .build();

    @RegisterExtension
    final MockJobServerExtension followingAClock = MockJobServerExtension.builder()
        .clock(() -> new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return externalNow.get();
          }
        })
        .build();

    @Test
    void serverAccessorGivesTheConfiguredServerOfTheRunningTest() {
      MockJobServer server = mock.server();
      assertThat(server.seed()).isEqualTo(99);
      assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
      assertThat(followingAClock.server()).isNotSameAs(server);
    }

    @Test
    void clockSupplier_makesTheServerFollowThatClock() {
      MockJobServer server = followingAClock.server();
      assertThat(server.clock().isExternal()).isTrue();
      assertThat(server.clock().now()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
      externalNow.set(Instant.parse("2030-01-01T00:10:00Z"));
      assertThat(server.clock().now()).isEqualTo(Instant.parse("2030-01-01T00:10:00Z"));
      assertThatThrownBy(() -> server.clock().advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builderFailsFastOnConflictingOptions() {
      assertThatThrownBy(() -> MockJobServerExtension.builder().clock(Clock::systemUTC)
          .startTime(Instant.EPOCH).build()).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> MockJobServerExtension.builder().port(-1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @ExtendWith(MockJobServerExtension.class)
  class PerClassLifecycle {
    private final MockJobServer shared;

    PerClassLifecycle(MockJobServer server) {
      this.shared = server;
    }

    @RepeatedTest(3)
    void theClassSharesOneServer_resetBeforeEachTest(MockJobServer server) {
      assertThat(server).isSameAs(shared);
      assertFreshThenDirty(server);
      server.faults().add(dev.jobsdk.mock.Fault.on("*", "/**").status(500));
      server.deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ZERO));
    }
  }

  @Nested
  @Execution(ExecutionMode.CONCURRENT)
  class ConcurrentMethods {
    /** One extension instance shared by tests that run at the same time on different threads. */
    @RegisterExtension
    static final MockJobServerExtension SHARED = MockJobServerExtension.builder().build();

    @RepeatedTest(8)
    void parallelTestsOfOneClassEachSeeTheirOwnServer() {
      MockJobServer server = SHARED.server();
      assertFreshThenDirty(server);
      for (int i = 0; i < 20; i++) {
        server.deepCurrent().createBdJob(MockCredentials.DEEPCURRENT_PAID_KEY, "full_pipeline", null);
        assertThat(SHARED.server()).isSameAs(server);
      }
      assertThat(server.jobs().list()).hasSize(21);
    }
  }

  @Test
  void serverAccessor_outsideATest_isAnIllegalStateException() {
    MockJobServerExtension unused = MockJobServerExtension.builder().build();
    assertThatThrownBy(unused::server).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MockJobServer parameter");
  }
}
