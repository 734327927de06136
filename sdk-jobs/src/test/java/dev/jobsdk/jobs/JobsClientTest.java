package dev.jobsdk.jobs;

import dev.jobsdk.core.WaitOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobsClientTest {
  static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.secret-token-body.sig";

  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void build_withoutBaseUrl_failsBecauseTheVendorPublishesNoHost() {
    assertThatThrownBy(() -> JobsClient.builder().token(TOKEN).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("baseUrl is required");
  }

  @Test
  void build_withoutCredential_fails() {
    assertThatThrownBy(() -> JobsClient.builder().baseUrl("https://risk.example.org").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("token or login(email, password) is required");
  }

  @Test
  void build_withTokenAndLogin_fails() {
    assertThatThrownBy(
            () ->
                JobsClient.builder()
                    .baseUrl("https://risk.example.org")
                    .token(TOKEN)
                    .login("a@example.org", "pw")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Set either token(..) or login(..), not both");
  }

  @Test
  void blankCredentials_areRejectedNamingTheParameter() {
    assertThatThrownBy(() -> JobsClient.builder().token(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token must not be blank");
    assertThatThrownBy(() -> JobsClient.builder().login("a@example.org", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("password must not be null");
  }

  @Test
  void fromEnv_withToken_buildsATokenClient() {
    try (JobsClient client =
        JobsClient.fromEnv(Map.of("JOBS_BASE_URL", "https://risk.example.org", "JOBS_TOKEN", TOKEN))) {
      assertThat(client.toString())
          .isEqualTo("JobsClient[baseUrl=https://risk.example.org, credential=bearer token]");
    }
  }

  @Test
  void fromEnv_withEmailAndPassword_buildsALoginClient() {
    try (JobsClient client =
        JobsClient.fromEnv(
            Map.of(
                "JOBS_BASE_URL", "https://risk.example.org",
                "JOBS_EMAIL", "a@example.org",
                "JOBS_PASSWORD", "pw-123"))) {
      assertThat(client.toString()).contains("credential=login").doesNotContain("pw-123");
    }
  }

  @Test
  void fromEnv_withBothKindsOfCredential_fails() {
    assertThatThrownBy(
            () ->
                JobsClient.fromEnv(
                    Map.of(
                        "JOBS_BASE_URL", "https://risk.example.org",
                        "JOBS_TOKEN", TOKEN,
                        "JOBS_EMAIL", "a@example.org",
                        "JOBS_PASSWORD", "pw")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Set either JOBS_TOKEN or JOBS_EMAIL and JOBS_PASSWORD, not both");
  }

  @Test
  void fromEnv_withEmailButNoPassword_fails() {
    assertThatThrownBy(
            () ->
                JobsClient.fromEnv(
                    Map.of("JOBS_BASE_URL", "https://risk.example.org", "JOBS_EMAIL", "a@example.org")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("JOBS_PASSWORD is not set");
  }

  @Test
  void fromEnv_withoutBaseUrlOrCredential_namesTheMissingVariable() {
    assertThatThrownBy(() -> JobsClient.fromEnv(Map.of("JOBS_TOKEN", TOKEN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("JOBS_BASE_URL is not set");
    assertThatThrownBy(
            () -> JobsClient.fromEnv(Map.of("JOBS_BASE_URL", "https://risk.example.org", "JOBS_TOKEN", " ")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("JOBS_TOKEN (or JOBS_EMAIL and JOBS_PASSWORD) is not set");
  }

  @Test
  void builderFromEnv_keepsABaseUrlSetInCode() {
    try (JobsClient client =
        JobsClient.builder()
            .baseUrl("https://risk.example.org")
            .fromEnv(Map.of("JOBS_TOKEN", TOKEN)::get)
            .build()) {
      assertThat(client.toString()).contains("https://risk.example.org");
    }
  }

  @Test
  void toString_neverShowsTheToken() {
    JobsClient.Builder builder = JobsClient.builder().baseUrl("https://risk.example.org").token(TOKEN);
    try (JobsClient client = builder.build()) {
      assertThat(client.toString()).doesNotContain("secret-token-body");
      assertThat(builder.toString()).doesNotContain("secret-token-body").contains("bearer token");
    }
  }

  @Test
  void plainHttpToARemoteHost_isRefused() {
    assertThatThrownBy(
            () -> JobsClient.builder().baseUrl("http://risk.example.org").token(TOKEN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "42",
        "not-a-uuid",
        "550e8400-e29b-41d4-a716-44665544000",
        "550e8400e29b41d4a716446655440000",
        "../550e8400-e29b-41d4-a716-446655440000"
      })
  void nonUuidJobId_isRejectedBeforeAnyRequest(String id) {
    try (JobsClient client =
        JobsClient.builder().baseUrl(server.url("/").toString()).token(TOKEN).build()) {
      PollingPolicy policy = PollingPolicy.builder().build();
      ProgressListener<Job> listener = job -> {};

      assertThatThrownBy(() -> client.jobs().retrieve(id))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("jobId must be a UUID");
      assertThatThrownBy(() -> client.jobs().handle(id).awaitCompletion())
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.jobs().handle(id).awaitCompletion(WaitOptions.of(policy, listener)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.jobs().handle(id).awaitCompletionAsync())
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.jobs().handle(id).awaitCompletionAsync(WaitOptions.of(listener)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void nullJobIdPolicyOrListener_isRejectedNamingTheParameter() {
    try (JobsClient client =
        JobsClient.builder().baseUrl(server.url("/").toString()).token(TOKEN).build()) {
      String id = "550e8400-e29b-41d4-a716-446655440000";
      assertThatThrownBy(() -> client.jobs().retrieve(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("jobId must not be null");
      assertThatThrownBy(() -> client.jobs().handle(id).awaitCompletion(WaitOptions.of((PollingPolicy) null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("policy must not be null");
      assertThatThrownBy(() -> client.jobs().handle(id).awaitCompletion(WaitOptions.of((ProgressListener<Job>) null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("listener must not be null");
      assertThat(server.getRequestCount()).isZero();
    }
  }
}
