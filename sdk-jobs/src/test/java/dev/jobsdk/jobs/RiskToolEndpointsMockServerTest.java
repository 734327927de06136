package dev.jobsdk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.AuthenticationException;
import dev.jobsdk.core.BadRequestException;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Risk tool endpoints around the jobs, against the mock: registering a document upload (whose
 * id a parse job takes) and answering the first-login challenge.
 */
class RiskToolEndpointsMockServerTest {
  static final String ASSESSMENT = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  static final String NEW_PASSWORD = "chosen-by-the-user-42";

  final VirtualScheduler time = VirtualScheduler.create();
  final List<AutoCloseable> closeables = new ArrayList<>();
  final MockJobServer mock = MockJobServer.builder().clock(time.clock()).start();

  JobsClient client(JobsClient.Builder builder) {
    JobsClient client = builder.baseUrl(mock.riskToolBaseUrl()).scheduler(time).build();
    closeables.add(client);
    return client;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    mock.close();
  }

  @Test
  void requestDocumentUpload_yieldsTheDocumentIdAParseJobTakes() {
    JobsClient client =
        client(
            JobsClient.builder()
                .login(MockCredentials.RISK_USER_EMAIL, MockCredentials.RISK_USER_PASSWORD));

    DocumentUpload upload =
        client.assessments().requestDocumentUpload(ASSESSMENT, "farm-plan.pdf", "application/pdf", 48_213);

    assertThat(upload.documentId()).isNotBlank();
    assertThat(upload.presignedUrl().getScheme()).startsWith("http");
    assertThat(upload.toString()).contains(upload.documentId()).doesNotContain("X-Amz");
    Job parsed =
        client.assessments().parseDocument(ASSESSMENT, upload.documentId()).awaitCompletion();
    assertThat(parsed.parseDocumentResult()).isPresent();
    assertThat(parsed.input().path("documentId").asString()).contains(upload.documentId());
  }

  @Test
  void requestDocumentUpload_aTypeTheServerRefuses_isABadRequest() {
    JobsClient client =
        client(
            JobsClient.builder()
                .login(MockCredentials.RISK_USER_EMAIL, MockCredentials.RISK_USER_PASSWORD));

    assertThatThrownBy(
            () ->
                client.assessments().requestDocumentUpload(ASSESSMENT, "plan.docx", "application/msword", 10))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void firstLoginChallenge_withoutANewPassword_isReported() {
    JobsClient client =
        client(
            JobsClient.builder()
                .login(MockCredentials.RISK_NEW_USER_EMAIL, MockCredentials.RISK_NEW_USER_PASSWORD));

    assertThatThrownBy(() -> client.assessments().submitGapFields(ASSESSMENT))
        .isInstanceOf(PasswordChangeRequiredException.class)
        .hasMessageContaining("newPassword")
        .hasMessageNotContaining(MockCredentials.RISK_NEW_USER_PASSWORD);
  }

  @Test
  void firstLoginChallenge_isAnsweredWithTheNewPassword_andLaterLoginsUseIt() {
    JobsClient first =
        client(
            JobsClient.builder()
                .login(MockCredentials.RISK_NEW_USER_EMAIL, MockCredentials.RISK_NEW_USER_PASSWORD)
                .newPassword(NEW_PASSWORD));

    Job done = first.assessments().submitGapFields(ASSESSMENT).awaitCompletion();
    assertThat(done.riskAnalysisResult()).isPresent();
    assertThat(first.toString()).doesNotContain(NEW_PASSWORD);

    // The temporary password is gone; a client started with the new one logs in directly ...
    JobsClient withNew =
        client(JobsClient.builder().login(MockCredentials.RISK_NEW_USER_EMAIL, NEW_PASSWORD));
    assertThat(withNew.assessments().submitGapFields(ASSESSMENT).awaitCompletion().riskAnalysisResult())
        .isPresent();
    // ... one configured as before falls back to the new password ...
    JobsClient restarted =
        client(
            JobsClient.builder()
                .login(MockCredentials.RISK_NEW_USER_EMAIL, MockCredentials.RISK_NEW_USER_PASSWORD)
                .newPassword(NEW_PASSWORD));
    assertThat(restarted.assessments().submitGapFields(ASSESSMENT).awaitCompletion().riskAnalysisResult())
        .isPresent();
    // ... and the old password alone is refused.
    JobsClient old =
        client(
            JobsClient.builder()
                .login(MockCredentials.RISK_NEW_USER_EMAIL, MockCredentials.RISK_NEW_USER_PASSWORD));
    assertThatThrownBy(() -> old.assessments().submitGapFields(ASSESSMENT))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void newPassword_withoutLogin_failsInBuild() {
    assertThatThrownBy(
            () ->
                JobsClient.builder()
                    .baseUrl("https://risk.example.org")
                    .token("eyJ.a.b")
                    .newPassword(NEW_PASSWORD)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("newPassword");
  }
}
