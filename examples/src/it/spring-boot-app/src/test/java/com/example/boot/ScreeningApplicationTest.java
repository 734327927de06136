package com.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJob;
import dev.jobsdk.mock.MockJobServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application's service awaits a screening against the mock server, over plain http on loopback. */
@SpringBootTest
class ScreeningApplicationTest {
  static final MockJobServer MOCK = MockJobServer.builder().start();

  @DynamicPropertySource
  static void deepIdv(DynamicPropertyRegistry registry) {
    registry.add("deepidv.base-url", MOCK::deepIdvBaseUrl);
    registry.add("deepidv.api-key", () -> MockCredentials.DEEPIDV_ORG_A_KEY);
  }

  @AfterAll
  static void stop() {
    MOCK.close();
  }

  @Autowired
  ScreeningService screening;

  @Test
  void theServiceAwaitsAScreeningAgainstTheMock() {
    MOCK.deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ZERO));

    AdverseMediaResult result = screening.screen("jane.doe@example.com", "Jane", "Doe", "1985-04-12");

    assertEquals(9, result.exposuresByCategory().all().size());
    assertTrue(result.riskScore() >= 0 && result.riskScore() <= 100);
    List<MockJob> jobs = MOCK.jobs().list();
    assertEquals(1, jobs.size());
    assertTrue(MOCK.journal().requestCount() >= 2, "a create and at least one poll went over the wire");
  }
}
