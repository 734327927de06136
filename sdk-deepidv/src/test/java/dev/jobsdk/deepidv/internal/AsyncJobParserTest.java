package dev.jobsdk.deepidv.internal;

import dev.jobsdk.core.JsonValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.AsyncJob;
import dev.jobsdk.deepidv.Fixtures;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsyncJobParserTest {
  private static final String WHERE = "GET /v1/async-jobs/j1";

  private static ObjectNode job(String status) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("jobId", "j1");
    n.put("status", status);
    n.put("createdAt", 1717593600000L);
    n.put("updatedAt", "2026-06-05T12:00:00.000Z");
    return n;
  }

  @Test
  void parse_seedReadyJob_isReadyWithTypedResult() {
    AsyncJob<AdverseMediaResult> job =
        TreeParse.parse(
            Fixtures.json("deepidv-async-job-ready.json"), AdverseMediaResult.class, WHERE);

    assertThat(job).isInstanceOf(AsyncJob.Ready.class);
    AsyncJob.Ready<AdverseMediaResult> ready = (AsyncJob.Ready<AdverseMediaResult>) job;
    assertThat(ready.jobId()).isEqualTo("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    assertThat(ready.id()).isEqualTo(ready.jobId());
    assertThat(ready.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(ready.rawStatus()).isEqualTo("ready");
    assertThat(ready.createdAt()).isEqualTo(Instant.parse("2024-06-05T13:20:00Z"));
    assertThat(ready.updatedAt()).isEqualTo(Instant.parse("2026-06-05T12:00:00Z"));
    assertThat(ready.result().riskScore()).isEqualTo(45);
  }

  @Test
  void parse_eachDocumentedStatus_givesItsVariantAndState() {
    assertThat(TreeParse.parse(job("pending"), JsonValue.class, WHERE))
        .isInstanceOf(AsyncJob.Pending.class)
        .extracting(AsyncJob::state)
        .isEqualTo(JobState.PENDING);
    assertThat(TreeParse.parse(job("processing"), JsonValue.class, WHERE))
        .isInstanceOf(AsyncJob.Processing.class)
        .extracting(AsyncJob::state)
        .isEqualTo(JobState.RUNNING);
    AsyncJob<JsonValue> failed =
        TreeParse.parse(job("failed").put("error", "upstream timeout"), JsonValue.class, WHERE);
    assertThat(failed).isInstanceOf(AsyncJob.Failed.class);
    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(((AsyncJob.Failed<JsonValue>) failed).error()).isEqualTo("upstream timeout");
    assertThat(failed.errorMessage()).contains("upstream timeout");
  }

  @Test
  void parse_upperCaseStatusOfOlderServers_isRecognisedAndKeptRaw() {
    AsyncJob<JsonValue> job = TreeParse.parse(job("PENDING"), JsonValue.class, WHERE);

    assertThat(job).isInstanceOf(AsyncJob.Pending.class);
    assertThat(job.rawStatus()).isEqualTo("PENDING");
  }

  @Test
  void parse_unknownStatus_isUnknownVariantKeepingTheBody() {
    ObjectNode body = job("archived").put("extra", 7);

    AsyncJob<JsonValue> job = TreeParse.parse(body, JsonValue.class, WHERE);

    assertThat(job).isInstanceOf(AsyncJob.Unknown.class);
    assertThat(job.state()).isEqualTo(JobState.UNKNOWN);
    assertThat(job.rawStatus()).isEqualTo("archived");
    assertThat(((AsyncJob.Unknown<JsonValue>) job).body().path("extra").asLong()).contains(7L);
  }

  @ParameterizedTest
  @CsvSource({"pending", "processing", "ready", "failed", "archived"})
  void parse_everyVariant_keepsADeepCopyOfTheWholeBody(String status) {
    ObjectNode body = job(status);
    body.put("error", "upstream timeout").putObject("result").put("score", 3);
    body.putObject("future").putArray("list").add("x");
    JsonNode sent = body.deepCopy();

    AsyncJob<JsonValue> job = TreeParse.parse(body, JsonValue.class, WHERE);
    ((ObjectNode) body.get("future")).removeAll();
    body.put("jobId", "changed-after-parse");

    assertThat(job.rawJson()).contains(sent.toString());
    assertThat(rawTree(job.rawJson().orElseThrow()).get("future").get("list").get(0).asText())
        .isEqualTo("x");
    assertThat(job.jobId()).isEqualTo("j1");
  }

  @ParameterizedTest
  @CsvSource({
    "1716897600, 2024-05-28T12:00:00Z",
    "1716897600000, 2024-05-28T12:00:00Z",
    "1716897600.5, 2024-05-28T12:00:00.500Z",
    "1716897600123, 2024-05-28T12:00:00.123Z",
    "999999999999, +33658-09-27T01:46:39Z",
    "1000000000000, 2001-09-09T01:46:40Z"
  })
  void parse_createdAt_readsEpochSecondsBelow10e12AndMillisAbove(String epoch, String expected) {
    ObjectNode body = job("pending");
    body.set("createdAt", Json.MAPPER.getNodeFactory().numberNode(new java.math.BigDecimal(epoch)));

    assertThat(TreeParse.parse(body, JsonValue.class, WHERE).createdAt())
        .isEqualTo(Instant.parse(expected));
  }

  @Test
  void parse_createdAtAsStringOrIso_isReadToo() {
    assertThat(TreeParse.parse(job("pending").put("createdAt", "1716897600"), JsonValue.class, WHERE)
            .createdAt())
        .isEqualTo(Instant.parse("2024-05-28T12:00:00Z"));
    assertThat(TreeParse.parse(
                job("pending").put("createdAt", "2024-05-28T14:00:00+02:00"), JsonValue.class, WHERE)
            .createdAt())
        .isEqualTo(Instant.parse("2024-05-28T12:00:00Z"));
  }

  @Test
  void parse_updatedAtWithOffsetOrWithoutZone_isRead() {
    assertThat(TreeParse.parse(
                job("pending").put("updatedAt", "2026-06-05T14:00:00+02:00"), JsonValue.class, WHERE)
            .updatedAt())
        .isEqualTo(Instant.parse("2026-06-05T12:00:00Z"));
    assertThat(TreeParse.parse(
                job("pending").put("updatedAt", "2026-06-05T12:00:00"), JsonValue.class, WHERE)
            .updatedAt())
        .isEqualTo(Instant.parse("2026-06-05T12:00:00Z"));
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"}) // Map.class is what a caller passes for an unmodelled kind
  void parse_resultAsMapOrJsonNode_forKindsTheSdkDoesNotModel() {
    ObjectNode body = job("ready");
    body.putObject("result").put("score", 3).putArray("items").add("x");

    AsyncJob<Map> asMap = TreeParse.parse(body, Map.class, WHERE);
    AsyncJob<JsonValue> asTree = TreeParse.parse(body, JsonValue.class, WHERE);

    assertThat(((AsyncJob.Ready<Map>) asMap).result()).containsEntry("score", 3);
    assertThat(((AsyncJob.Ready<JsonValue>) asTree).result().path("items").path(0).asString().orElseThrow())
        .isEqualTo("x");
  }

  @Test
  void parse_missingRequiredFields_isInvalidResponseNamingTheField() {
    ObjectNode noId = job("pending");
    noId.remove("jobId");
    ObjectNode noCreated = job("pending");
    noCreated.remove("createdAt");

    assertThatThrownBy(() -> TreeParse.parse(noId, JsonValue.class, WHERE))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(WHERE + " returned no jobId");
    assertThatThrownBy(() -> TreeParse.parse(noCreated, JsonValue.class, WHERE))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(WHERE + " returned no createdAt");
    assertThatThrownBy(
            () -> TreeParse.parse(job("pending").put("updatedAt", "yesterday"), JsonValue.class, WHERE))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(WHERE + " returned an unreadable updatedAt");
    assertThatThrownBy(() -> TreeParse.parse(job("ready"), JsonValue.class, WHERE))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessage(WHERE + " returned a ready job without a result");
    assertThatThrownBy(
            () -> TreeParse.parse(Json.MAPPER.getNodeFactory().textNode("oops"), JsonValue.class, WHERE))
        .isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void parse_resultOfAnotherShape_isInvalidResponseNamingTheType() {
    ObjectNode body = job("ready");
    body.putArray("result").add(1);

    assertThatThrownBy(() -> TreeParse.parse(body, AdverseMediaResult.class, WHERE))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("cannot be read as dev.jobsdk.deepidv.AdverseMediaResult");
  }

  @Test
  void parse_failedWithoutError_hasEmptyErrorAndNoErrorMessage() {
    AsyncJob<JsonValue> failed = TreeParse.parse(job("failed"), JsonValue.class, WHERE);

    assertThat(((AsyncJob.Failed<JsonValue>) failed).error()).isEmpty();
    assertThat(failed.errorMessage()).isEmpty();
  }

  private static AsyncJob<JsonValue> parseBytes(String json, java.nio.charset.Charset charset) {
    return AsyncJobParser.parse(json.getBytes(charset), charset, JsonValue.class, () -> WHERE);
  }

  @Test
  void parseBytes_keepsTheExactTextAsSent_inItsDeclaredCharset() {
    String json =
        "{ \"jobId\" : \"j1\", \"note\": \"Jos\u00e9\", \"status\":\"processing\",\n"
            + "\"createdAt\": 1717593600000, \"updatedAt\": \"2026-06-05T12:00:00.000Z\" }";

    AsyncJob<JsonValue> utf8 = parseBytes(json, java.nio.charset.StandardCharsets.UTF_8);
    AsyncJob<JsonValue> latin1 = parseBytes(json, java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThat(utf8.rawJson()).contains(json);
    assertThat(latin1.rawJson()).contains(json);
    assertThat(latin1.updatedAt()).isEqualTo(Instant.parse("2026-06-05T12:00:00Z"));
  }

  @Test
  void parseBytes_duplicateNamesCountTheLastAndUnknownFieldsOfAnyDepthAreSkipped() {
    String json =
        "{\"jobId\":\"old\",\"deep\":[[[{\"a\":[1,{\"b\":null}]}]]],\"jobId\":\"j1\","
            + "\"status\":\"pending\",\"createdAt\":{\"x\":1},\"createdAt\":\" 1716897600 \","
            + "\"updatedAt\":1716897600.25,\"tail\":{\"status\":\"ready\"}}";

    AsyncJob<JsonValue> job = parseBytes(json, java.nio.charset.StandardCharsets.UTF_8);

    assertThat(job).isInstanceOf(AsyncJob.Pending.class);
    assertThat(job.jobId()).isEqualTo("j1");
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2024-05-28T12:00:00Z"));
    assertThat(job.updatedAt()).isEqualTo(Instant.parse("2024-05-28T12:00:00.250Z"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"jobId\":{\"id\":\"j1\"},\"status\":\"pending\",\"createdAt\":1,\"updatedAt\":1} | returned no jobId",
        "{\"jobId\":\"j1\",\"status\":null,\"createdAt\":1,\"updatedAt\":1} | returned no status",
        "{\"jobId\":\"j1\",\"status\":\"pending\",\"createdAt\":[1],\"updatedAt\":1} | returned an unreadable createdAt",
        "{\"jobId\":\"j1\",\"status\":\"pending\",\"createdAt\":1e400000,\"updatedAt\":1} | returned an unreadable createdAt",
        "{\"jobId\":\"j1\",\"status\":\"pending\",\"createdAt\":1,\"updatedAt\":true} | returned an unreadable updatedAt",
        "{\"jobId\":\"j1\",\"status\":\"pending\",\"createdAt\":1,\"updatedAt\":1e999999999} | returned an unreadable updatedAt",
        "{\"jobId\":\"j1\",\"status\":\"pending\",\"createdAt\":1,\"updatedAt\":-1E+999999999} | returned an unreadable updatedAt",
        "{\"jobId\":\"j1\",\"status\":\"pending\",\"createdAt\":1,\"updatedAt\":1 | returned a body that is not the expected JSON",
        "[{\"jobId\":\"j1\"}] | returned a body that is not a JSON object",
        "oops | returned a body that is not the expected JSON",
        "'' | returned a body that is not a JSON object"
      })
  void parseBytes_brokenBodies_areInvalidResponsesNamingTheRequestAndField(String json, String message) {
    assertThatThrownBy(() -> parseBytes(json, java.nio.charset.StandardCharsets.UTF_8))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageStartingWith(WHERE + " " + message.strip());
  }

  @Test
  void parseBytes_hugeAndTinyEpochNumbers_areReadInBoundedTime() {
    String tiny =
        "{\"jobId\":\"j1\",\"status\":\"pending\",\"createdAt\":1e-999999999,\"updatedAt\":-0.5e-999999999}";
    String longDigits =
        "{\"jobId\":\"j1\",\"status\":\"pending\",\"createdAt\":1,\"updatedAt\":\""
            + "9".repeat(1_000_000) + "\"}";

    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(20),
        () -> {
          AsyncJob<JsonValue> job = parseBytes(tiny, java.nio.charset.StandardCharsets.UTF_8);
          assertThat(job.createdAt()).isEqualTo(Instant.EPOCH);
          assertThat(job.updatedAt()).isEqualTo(Instant.EPOCH);
          assertThatThrownBy(() -> parseBytes(longDigits, java.nio.charset.StandardCharsets.UTF_8))
              .isInstanceOf(InvalidResponseException.class)
              .hasMessage(WHERE + " returned an unreadable updatedAt");
        });
  }

  @Test
  void parseBytes_asksForTheRequestNameOnlyWhenThereIsAnError() {
    byte[] body =
        "{\"jobId\":\"j1\",\"status\":\"processing\",\"createdAt\":1,\"updatedAt\":1}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    AsyncJob<JsonValue> job =
        AsyncJobParser.parse(
            body,
            java.nio.charset.StandardCharsets.UTF_8,
            JsonValue.class,
            () -> {
              throw new AssertionError("the request name was built for a good answer");
            });

    assertThat(job.state()).isEqualTo(JobState.RUNNING);
  }

  private static com.fasterxml.jackson.databind.JsonNode rawTree(String json) {
    try {
      return dev.jobsdk.core.internal.Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
