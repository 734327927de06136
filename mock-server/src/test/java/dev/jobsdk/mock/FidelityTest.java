package dev.jobsdk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.mock.Http.Reply;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DeepIDV's documented rate limit, and lifecycle steps that show a status no SDK knows. */
class FidelityTest {

  private static final String ORG_A = MockCredentials.DEEPIDV_ORG_A_KEY;
  private static final String ORG_B = MockCredentials.DEEPIDV_ORG_B_KEY;
  private static final Lifecycle WITH_UNKNOWN_STATUS = Lifecycle.builder()
      .stage("searching", Duration.ofSeconds(10), "Searching...")
      .unknownStatus("on_hold", Duration.ofSeconds(10), "Waiting for a reviewer...")
      .stage("scoring", Duration.ofSeconds(10), "Scoring...")
      .build();

  @RegisterExtension
  final MockJobServerExtension mock = MockJobServerExtension.builder().build();

  private Http http() {
    return new Http(mock.server());
  }

  private int poll(String key, String id) {
    return http().get("/v1/async-jobs/" + id, "x-api-key", key).status();
  }

  @Test
  void deepIdv_burstOf35_then25PerSecondPerKey_429WithRetryAfter_whenEnabled() {
    String id = mock.server().deepIdv().createJob(ORG_A, null);
    for (int i = 0; i < 60; i++) {
      assertThat(poll(ORG_A, id)).isEqualTo(200);
    }
    mock.server().rateLimits(true);
    assertThat(mock.server().rateLimits()).isTrue();
    for (int i = 0; i < 35; i++) {
      assertThat(poll(ORG_A, id)).as("request %d of the burst", i + 1).isEqualTo(200);
    }
    Reply limited = http().get("/v1/async-jobs/" + id, "x-api-key", ORG_A);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("1");
    assertThat(limited.json().get("message").asText()).isEqualTo("Too Many Requests");
    assertThat(poll(ORG_B, mock.server().deepIdv().createJob(ORG_B, null))).isEqualTo(200);

    mock.server().clock().advance(Duration.ofMillis(40));
    assertThat(poll(ORG_A, id)).isEqualTo(200);
    assertThat(poll(ORG_A, id)).isEqualTo(429);
    mock.server().clock().advance(Duration.ofSeconds(1));
    for (int i = 0; i < 25; i++) {
      assertThat(poll(ORG_A, id)).isEqualTo(200);
    }
    assertThat(poll(ORG_A, id)).isEqualTo(429);
  }

  @Test
  void rateLimits_areOffByDefault_andTheBuilderTurnsThemOn() {
    assertThat(mock.server().rateLimits()).isFalse();
    try (MockJobServer limited = MockJobServer.builder().rateLimits(true).start()) {
      assertThat(limited.rateLimits()).isTrue();
    }
  }

  @Test
  void unknownStatusStep_showsItsWordVerbatimInEveryVendor_thenTheJobGoesOn() {
    mock.server().deepIdv().nextJob(WITH_UNKNOWN_STATUS);
    mock.server().riskTool().nextJob(WITH_UNKNOWN_STATUS);
    mock.server().deepCurrent().nextBdJob(WITH_UNKNOWN_STATUS);
    String idv = mock.server().deepIdv().createJob(ORG_A, null);
    String risk = mock.server().riskTool().createJob(MockCredentials.RISK_USER_EMAIL, "RISK_ANALYSIS", null);
    String bd = mock.server().deepCurrent().createBdJob(MockCredentials.DEEPCURRENT_PAID_KEY, "full_pipeline", null);
    String riskAuth = "Bearer " + http().post("/api/auth/login", "{\"email\":\"" + MockCredentials.RISK_USER_EMAIL
        + "\",\"password\":\"" + MockCredentials.RISK_USER_PASSWORD + "\"}").json().get("accessToken").asText();
    String dcAuth = "Bearer " + MockCredentials.DEEPCURRENT_PAID_KEY;

    mock.server().clock().advance(Duration.ofSeconds(5));
    assertThat(http().get("/v1/async-jobs/" + idv, "x-api-key", ORG_A).json().get("status").asText())
        .isEqualTo("processing");
    mock.server().clock().advance(Duration.ofSeconds(10));
    assertThat(http().get("/v1/async-jobs/" + idv, "x-api-key", ORG_A).json().get("status").asText())
        .isEqualTo("on_hold");
    assertThat(http().get("/api/jobs/" + risk, "Authorization", riskAuth).json().get("status").asText())
        .isEqualTo("on_hold");
    Reply bdStatus = http().get("/api/v1/bd/jobs/" + bd, "Authorization", dcAuth);
    assertThat(bdStatus.json().get("status").asText()).isEqualTo("on_hold");
    assertThat(bdStatus.json().get("progress_message").asText()).isEqualTo("Waiting for a reviewer...");
    assertThat(mock.server().jobs().get(idv).status()).isEqualTo("on_hold");

    mock.server().clock().advance(Duration.ofSeconds(10));
    assertThat(http().get("/v1/async-jobs/" + idv, "x-api-key", ORG_A).json().get("status").asText())
        .isEqualTo("processing");
    mock.server().clock().advance(Duration.ofSeconds(10));
    assertThat(http().get("/v1/async-jobs/" + idv, "x-api-key", ORG_A).json().get("status").asText())
        .isEqualTo("ready");
  }

  @Test
  void deepCurrent_bdJobWithHugeInput_processesABoundedShareAndSaysSo() {
    StringBuilder companies = new StringBuilder();
    for (int i = 0; i < 1_500; i++) {
      companies.append(i == 0 ? "" : ",").append("{\"company_name\":\"Co ").append(i).append("\"}");
    }
    String auth = "Bearer " + MockCredentials.DEEPCURRENT_PAID_KEY;
    Reply created = http().post("/api/v1/bd/jobs", "{\"preset\":\"full_pipeline\",\"input_assets\":{\"companies\":["
        + companies + "]}}", "Authorization", auth);
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    assertThat(created.json().get("warnings").toString()).contains("first 1000 companies");
    String id = created.json().get("job_id").asText();
    mock.server().jobs().forceState(id, "completed");
    Reply result = http().get("/api/v1/bd/jobs/" + id + "/result", "Authorization", auth);
    assertThat(result.json().at("/summary/companies_processed").asInt()).isEqualTo(1_000);
  }

  @Test
  void journal_keepsABoundedPrefixOfAClientChosenPath() {
    String tail = "a".repeat(2_000);
    assertThat(http().get("/v1/" + tail, "x-api-key", ORG_A).status()).isEqualTo(404);
    assertThat(mock.server().journal().requestCount("GET", "/v1/" + tail)).isZero();
    assertThat(mock.server().journal().requestCount("GET", "/v1/" + tail.substring(0, 252))).isEqualTo(1);
  }
}
