package dev.jobsdk.jobs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.jobs.AiPreviewResult;
import dev.jobsdk.jobs.GapDetectionResult;
import dev.jobsdk.jobs.ParseDocumentResult;
import dev.jobsdk.jobs.ReportGenerationResult;
import dev.jobsdk.jobs.RiskAnalysisResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Decodes a job's {@code result} JSON into the SDK's result records (or any bindable class). */
public final class Results {
  private Results() {}

  /**
   * Decodes a result.
   *
   * @param jobId the job, for the error message
   * @param rawType the job's type, for the error message
   * @param result the result JSON
   * @param type the class to decode into
   * @param <T> the result type
   * @return the decoded result
   * @throws InvalidResponseException if the JSON does not fit the class
   */
  public static <T> T decode(String jobId, String rawType, JsonNode result, Class<T> type) {
    try {
      Object value;
      if (type == JsonNode.class) {
        value = result;
      } else if (type == AiPreviewResult.class) {
        value = bind(result, AiPreviewJson.class).toResult();
      } else if (type == ParseDocumentResult.class) {
        value = bind(result, ParseDocumentJson.class).toResult();
      } else if (type == GapDetectionResult.class) {
        value = bind(result, GapDetectionJson.class).toResult();
      } else if (type == RiskAnalysisResult.class) {
        value = bind(result, RiskAnalysisJson.class).toResult();
      } else if (type == ReportGenerationResult.class) {
        value = bind(result, ReportGenerationJson.class).toResult();
      } else {
        value = Json.MAPPER.treeToValue(result, type);
      }
      return type.cast(value);
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      // NullPointerException: a null where the models' List.copyOf expects elements ([null]).
      String why =
          e instanceof JsonProcessingException j
              ? j.getOriginalMessage()
              : e instanceof NullPointerException ? "a list holds null" : e.getMessage();
      throw new InvalidResponseException(
          "The result of "
              + rawType
              + " job "
              + jobId
              + " cannot be read as "
              + type.getSimpleName()
              + ": "
              + why,
          e);
    }
  }

  private static <T> T bind(JsonNode node, Class<T> type) throws JsonProcessingException {
    if (!node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType());
    }
    return Json.MAPPER.treeToValue(node, type);
  }

  private static <T> T required(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    return value;
  }

  private static OptionalLong optional(Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static Optional<Duration> millis(Long value) {
    return Optional.ofNullable(value).map(Duration::ofMillis);
  }

  record AiPreviewJson(String output, Long tokensUsed, Long processingTime) {
    AiPreviewResult toResult() {
      return new AiPreviewResult(
          required(output, "output"), optional(tokensUsed), millis(processingTime));
    }
  }

  record GapDetectionJson(String assessmentId, Integer gapFieldsCreated, Long bedrockTokensUsed) {
    GapDetectionResult toResult() {
      return new GapDetectionResult(
          required(assessmentId, "assessmentId"),
          required(gapFieldsCreated, "gapFieldsCreated"),
          optional(bedrockTokensUsed));
    }
  }

  record RiskAnalysisJson(String assessmentId, Integer categoriesScored, Double overallScore) {
    RiskAnalysisResult toResult() {
      return new RiskAnalysisResult(
          required(assessmentId, "assessmentId"),
          required(categoriesScored, "categoriesScored"),
          required(overallScore, "overallScore"));
    }
  }

  record ReportGenerationJson(String assessmentId, String pdfKey, String downloadUrl) {
    ReportGenerationResult toResult() {
      return new ReportGenerationResult(
          required(assessmentId, "assessmentId"),
          required(pdfKey, "pdfKey"),
          URI.create(required(downloadUrl, "downloadUrl")));
    }
  }

  record ParseDocumentJson(
      Integer pages, String textContent, List<TableJson> tables, MetadataJson metadata) {
    ParseDocumentResult toResult() {
      return new ParseDocumentResult(
          required(pages, "pages"),
          required(textContent, "textContent"),
          tables == null ? List.of() : tables.stream().map(TableJson::toTable).toList(),
          Optional.ofNullable(metadata).map(MetadataJson::toMetadata));
    }
  }

  record TableJson(
      int page,
      int tableIndex,
      int rowCount,
      int columnCount,
      List<String> headers,
      List<List<String>> rows) {
    ParseDocumentResult.Table toTable() {
      return new ParseDocumentResult.Table(page, tableIndex, rowCount, columnCount, headers, rows);
    }
  }

  record MetadataJson(
      String textractJobId,
      String s3Key,
      Long processingTimeMs,
      Instant processedAt,
      String textractModel) {
    ParseDocumentResult.Metadata toMetadata() {
      return new ParseDocumentResult.Metadata(
          Optional.ofNullable(textractJobId),
          Optional.ofNullable(s3Key),
          millis(processingTimeMs),
          Optional.ofNullable(processedAt),
          Optional.ofNullable(textractModel));
    }
  }
}
