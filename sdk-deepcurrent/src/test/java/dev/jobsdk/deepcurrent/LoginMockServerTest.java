package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.WaitOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.BadRequestException;
import dev.jobsdk.mock.Fault;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockJobServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginMockServerTest extends MockServerTestBase {
  private static final String LOGIN = "/api/v1/login/access-token";

  @Override
  MockJobServer.Builder serverBuilder() {
    return super.serverBuilder().tokenLifetime(Duration.ofMinutes(10));
  }

  @Test
  void awaitCompletion_jwtExpiresDuringALongWait_isRenewedOnceAndTheWaitSucceeds() {
    server
        .deepCurrent()
        .nextBdJob(
            Lifecycle.builder()
                .stage("contact_discovery", Duration.ofMinutes(15), "Discovering contacts...")
                .build());
    DeepCurrentClient jwt = loginClient();

    BdJobHandle handle =
        jwt.bdJobs()
            .create(BdJobRequest.of(BdPreset.FULL_PIPELINE, Map.of("companies", List.of())));
    BdJob done = handle.awaitCompletion();

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(server.journal().requestCount("POST", LOGIN)).isEqualTo(2);
    // Renewed before it expired: no poll met a 401 and had to be sent twice.
    assertThat(server.journal().pollsOf(done.id()))
        .isEqualTo(time.scheduledDelays().size())
        .isGreaterThan(20);
  }

  @Test
  void awaitCompletion_jwtRejectedWith401MidWait_logsInAgainOnceAndContinues() {
    server.deepCurrent().nextBdJob(Lifecycle.succeedsAfter(Duration.ofMinutes(2)));
    DeepCurrentClient jwt = loginClient();
    String id =
        jwt.bdJobs()
            .create(BdJobRequest.of(BdPreset.FULL_PIPELINE, Map.of("companies", List.of())))
            .id();
    server.faults().add(Fault.on("GET", "/api/v1/bd/jobs/*").nth(3).status(401));

    BdJob done = jwt.bdJobs().handle(id).awaitCompletion(WaitOptions.of(EVERY_5S));

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(server.journal().requestCount("POST", LOGIN)).isEqualTo(2);
    assertThat(server.journal().pollsOf(id)).isEqualTo(time.scheduledDelays().size() + 1);
  }

  @Test
  void login_wrongPassword_failsWithTheServersDetailAndNoPassword() {
    try (DeepCurrentClient wrong =
        DeepCurrentClient.builder()
            .login("paid@example.com", "not-the-password")
            .baseUrl(server.deepCurrentBaseUrl())
            .scheduler(time)
            .build()) {
      assertThatThrownBy(() -> wrong.bdJobs().retrieve("00000000-0000-0000-0000-000000000000"))
          .isInstanceOf(BadRequestException.class)
          .hasMessageContaining("Incorrect email or password")
          .hasMessageNotContaining("not-the-password");
    }
  }
}
