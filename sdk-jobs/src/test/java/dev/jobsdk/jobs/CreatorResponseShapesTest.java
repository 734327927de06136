package dev.jobsdk.jobs;

import static dev.jobsdk.jobs.internal.TestJobs.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vendor's docs and code disagree on what a job-creating endpoint answers, so every creator
 * must accept all three shapes. The mock server produces one shape per endpoint; this test serves
 * each shape to each creator.
 */
class CreatorResponseShapesTest {
  static final String JOB_ID = "550e8400-e29b-41d4-a716-446655440000";
  static final String ASSESSMENT = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

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

  enum Creator {
    PREVIEW(
        "POST /api/admin/prompts/preview",
        c -> c.prompts().preview(PromptPreviewRequest.of("system", "user {{x}}"))),
    PARSE_DOCUMENT(
        "POST /api/assessments/" + ASSESSMENT + "/documents/doc-1/parse",
        c -> c.assessments().parseDocument(ASSESSMENT, "doc-1")),
    SUBMIT_GAP_FIELDS(
        "POST /api/assessments/" + ASSESSMENT + "/gap-fields/submit",
        c -> c.assessments().submitGapFields(ASSESSMENT)),
    GENERATE_REPORT(
        "POST /api/assessments/" + ASSESSMENT + "/report/pdf",
        c -> c.assessments().generateReport(ASSESSMENT));

    final String request;
    final Function<JobsClient, JobHandle<Job, Job>> start;

    Creator(String request, Function<JobsClient, JobHandle<Job, Job>> start) {
      this.request = request;
      this.start = start;
    }
  }

  enum Shape {
    DATA_WRAPPED(202, "application/json", "{\"data\": {\"jobId\": \"" + JOB_ID + "\", \"status\": \"PROCESSING\"}}"),
    JOB_ID_OBJECT(201, "application/json", "{\"jobId\": \"" + JOB_ID + "\"}"),
    JSON_STRING(201, "application/json", "\"" + JOB_ID + "\""),
    RAW_TEXT(201, "text/html; charset=utf-8", JOB_ID);

    final int code;
    final String contentType;
    final String body;

    Shape(int code, String contentType, String body) {
      this.code = code;
      this.contentType = contentType;
      this.body = body;
    }
  }

  static Stream<Arguments> everyCreatorWithEveryShape() {
    return Stream.of(Creator.values())
        .flatMap(c -> Stream.of(Shape.values()).map(s -> Arguments.of(c, s)));
  }

  static MockResponse answer(int code, String contentType, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", contentType)
        .body(body)
        .build();
  }

  @ParameterizedTest(name = "{0} answered with {1}")
  @MethodSource("everyCreatorWithEveryShape")
  void creator_readsTheJobIdFromEveryResponseShape(Creator creator, Shape shape) throws Exception {
    server.enqueue(answer(shape.code, shape.contentType, shape.body));

    JobHandle<Job, Job> handle = creator.start.apply(client());

    assertThat(handle.id()).isEqualTo(JOB_ID);
    RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(sent.getMethod() + " " + sent.getUrl().encodedPath()).isEqualTo(creator.request);
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer static-token-abc");
  }

  @Test
  void handle_awaitsTheCreatedJob() {
    server.enqueue(answer(201, "application/json", "{\"jobId\": \"" + JOB_ID + "\"}"));
    server.enqueue(answer(200, "application/json", row("REPORT_GENERATION", "PROCESSING", 1, null)));
    server.enqueue(
        answer(
            200,
            "application/json",
            row(
                "REPORT_GENERATION",
                "COMPLETED",
                1,
                "{\"assessmentId\": \"" + ASSESSMENT + "\", \"pdfKey\": \"k.pdf\","
                    + " \"downloadUrl\": \"https://files.example/k.pdf?sig=1\"}")));

    Job done = client().assessments().generateReport(ASSESSMENT).awaitCompletion();

    assertThat(done.reportGenerationResult().orElseThrow().pdfKey()).isEqualTo("k.pdf");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void previewBody_sendsUserPromptTemplateAndOnlyTheDeclaredFields() throws Exception {
    server.enqueue(answer(202, "application/json", Shape.DATA_WRAPPED.body));
    PromptPreviewRequest request =
        PromptPreviewRequest.builder()
            .systemPrompt("You are a risk analyst.")
            .userPromptTemplate("Assess {{crop}}")
            .variable("crop", "coffee")
            .context(
                PromptContext.builder()
                    .persona("senior analyst")
                    .addSource("FAO Guidelines")
                    .guardrails("No investment advice.")
                    .build())
            .build();

    client().prompts().preview(request);

    String body = server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8();
    assertThat(Json.MAPPER.readTree(body))
        .isEqualTo(
            Json.MAPPER.readTree(
                """
                {"systemPrompt": "You are a risk analyst.", "userPromptTemplate": "Assess {{crop}}",
                 "variables": {"crop": "coffee"},
                 "context": {"persona": "senior analyst", "sources": ["FAO Guidelines"],
                             "guardrails": "No investment advice."}}
                """));
  }

  @Test
  void previewWithoutVariablesOrContext_sendsOnlyThePrompts() throws Exception {
    server.enqueue(answer(202, "application/json", Shape.DATA_WRAPPED.body));

    client().prompts().preview(PromptPreviewRequest.of("s", "u"));

    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8())
        .isEqualTo("{\"systemPrompt\":\"s\",\"userPromptTemplate\":\"u\"}");
  }

  @Test
  void answerWithoutAJobId_throwsInvalidResponseException() {
    server.enqueue(answer(201, "application/json", "{\"data\": {\"status\": \"PROCESSING\"}}"));

    assertThatThrownBy(() -> client().assessments().submitGapFields(ASSESSMENT))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("POST /api/assessments/" + ASSESSMENT + "/gap-fields/submit")
        .hasMessageContaining("returned no job id");
  }

  @Test
  void emptyAnswer_throwsInvalidResponseException() {
    server.enqueue(answer(201, "text/html", ""));

    assertThatThrownBy(() -> client().assessments().generateReport(ASSESSMENT))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("returned no job id");
  }

  @Test
  void jobIdThatIsNotAUuid_throwsInvalidResponseException() {
    server.enqueue(answer(201, "text/html", "<html>Created</html>"));

    assertThatThrownBy(() -> client().assessments().parseDocument(ASSESSMENT, "doc-1"))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("not a UUID");
  }

  @Test
  void previewByANonAdmin_throwsPermissionDeniedWithTheServersMessage() {
    server.enqueue(
        answer(
            403,
            "application/json",
            "{\"statusCode\": 403, \"error\": \"FORBIDDEN\", \"message\": \"Admin access required\","
                + " \"timestamp\": \"2026-03-04T12:00:00.000Z\", \"path\": \"/api/admin/prompts/preview\"}"));

    assertThatThrownBy(() -> client().prompts().preview(PromptPreviewRequest.of("s", "u")))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> {
              assertThat(e.errorMessage()).contains("Admin access required");
              assertThat(e.errorCode()).contains("FORBIDDEN");
            });
  }

  @Test
  void invalidIds_areRejectedBeforeAnyRequest() {
    JobsClient c = client();

    assertThatThrownBy(() -> c.assessments().generateReport("42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("assessmentId must be a UUID");
    assertThatThrownBy(() -> c.assessments().submitGapFields(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("assessmentId must not be null");
    assertThatThrownBy(() -> c.assessments().parseDocument(ASSESSMENT, "../../admin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("documentId must not contain");
    assertThatThrownBy(() -> c.prompts().preview(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request must not be null");
    assertThat(server.getRequestCount()).isZero();
  }
}
