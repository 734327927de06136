package dev.jobsdk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.core.testing.VirtualScheduler;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/assessments/:id/documents} on the wire. */
class DocumentUploadHttpTest {
  static final String ASSESSMENT = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  static final String URL =
      "https://bucket.s3.amazonaws.com/doc-9?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc";

  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualScheduler time = VirtualScheduler.create();
  JobsClient client;

  JobsClient client() {
    if (client == null) {
      client =
          JobsClient.builder()
              .baseUrl(server.url("/").toString())
              .token("static-token-abc")
              .scheduler(time)
              .build();
    }
    return client;
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void requestDocumentUpload_sendsTheDocumentedBody_andReadsIdAndUrl() throws Exception {
    server.enqueue(json(201, "{\"presignedUrl\":\"" + URL + "\",\"documentId\":\"doc-9\"}"));

    DocumentUpload upload =
        client().assessments().requestDocumentUpload(ASSESSMENT, "plan.pdf", "application/pdf", 1234);

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/assessments/" + ASSESSMENT + "/documents");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer static-token-abc");
    JsonNode body = Json.MAPPER.readTree(r.getBody().utf8());
    assertThat(body.get("fileName").asText()).isEqualTo("plan.pdf");
    assertThat(body.get("mimeType").asText()).isEqualTo("application/pdf");
    assertThat(body.get("fileSize").asLong()).isEqualTo(1234L);
    assertThat(body.size()).isEqualTo(3);
    assertThat(upload.documentId()).isEqualTo("doc-9");
    assertThat(upload.presignedUrl().toString()).isEqualTo(URL);
    assertThat(upload.toString()).contains("doc-9", "bucket.s3.amazonaws.com").doesNotContain("Signature");
  }

  @Test
  void requestDocumentUpload_badArguments_areRejectedByNameBeforeAnyRequest() {
    DocumentUploadHttpTestSupport.rejects(
        "assessmentId", () -> client().assessments().requestDocumentUpload("nope", "a.pdf", "application/pdf", 1));
    DocumentUploadHttpTestSupport.rejects(
        "fileName", () -> client().assessments().requestDocumentUpload(ASSESSMENT, " ", "application/pdf", 1));
    DocumentUploadHttpTestSupport.rejects(
        "fileName",
        () -> client().assessments().requestDocumentUpload(ASSESSMENT, "x".repeat(256), "application/pdf", 1));
    DocumentUploadHttpTestSupport.rejects(
        "mimeType", () -> client().assessments().requestDocumentUpload(ASSESSMENT, "a.pdf", "m".repeat(51), 1));
    DocumentUploadHttpTestSupport.rejects(
        "fileSize", () -> client().assessments().requestDocumentUpload(ASSESSMENT, "a.pdf", "application/pdf", 0));
    DocumentUploadHttpTestSupport.rejects(
        "fileSize",
        () ->
            client()
                .assessments()
                .requestDocumentUpload(ASSESSMENT, "a.pdf", "application/pdf", AssessmentService.MAX_DOCUMENT_SIZE + 1));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void requestDocumentUpload_answerWithoutDocumentId_isInvalidResponse() {
    server.enqueue(json(201, "{\"presignedUrl\":\"" + URL + "\"}"));

    assertThatThrownBy(
            () -> client().assessments().requestDocumentUpload(ASSESSMENT, "a.pdf", "application/pdf", 1))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("documentId");
  }
}

final class DocumentUploadHttpTestSupport {
  private DocumentUploadHttpTestSupport() {}

  static void rejects(String name, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
  }
}
