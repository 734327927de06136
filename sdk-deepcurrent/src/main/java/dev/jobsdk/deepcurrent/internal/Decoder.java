package dev.jobsdk.deepcurrent.internal;

import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.internal.JsonValues;
import dev.jobsdk.core.internal.Timestamps;
import dev.jobsdk.core.internal.Untrusted;
import dev.jobsdk.deepcurrent.BdJobSummary;
import dev.jobsdk.deepcurrent.BdWarning;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.Progress;
import dev.jobsdk.deepcurrent.BdAsset;
import dev.jobsdk.deepcurrent.BdCapability;
import dev.jobsdk.deepcurrent.BdJob;
import dev.jobsdk.deepcurrent.BdJobResult;
import dev.jobsdk.deepcurrent.BdPreset;
import dev.jobsdk.deepcurrent.GrowthQuote;
import dev.jobsdk.deepcurrent.GrowthResolution;
import dev.jobsdk.deepcurrent.GrowthRun;
import dev.jobsdk.deepcurrent.JobStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads DeepCurrent's JSON documents into the public models: documented fields typed, unknown
 * fields ignored, undocumented objects kept as JSON. Jobs and runs also keep the whole document as
 * {@code rawJson()} (the records copy it), unknown fields included. A missing required field (an
 * id, a status, a BD job's {@code created_at}) is an {@link InvalidResponseException}.
 */
public final class Decoder {
  private Decoder() {}

  /**
   * Reads a BD job ({@code GET /bd/jobs/{id}} or the 202 of {@code POST /bd/jobs}).
   *
   * @param node the document
   * @param source the request it answered, for messages
   * @return the job
   */
  public static BdJob bdJob(JsonNode node, String source) {
    return bdJob(node, null, source);
  }

  /**
   * Reads a BD job and keeps the body it was read from.
   *
   * @param node the document
   * @param body the body text as sent, or null to write the document as JSON
   * @param source the request it answered, for messages
   * @return the job
   */
  public static BdJob bdJob(JsonNode node, String body, String source) {
    requireObject(node, source);
    String status = text(node, "status").orElseThrow(() -> missing(source, "status"));
    return new BdJob(
        text(node, "job_id").orElseThrow(() -> missing(source, "job_id")),
        JobStatus.fromValue(status),
        status,
        integer(node, "progress_percent", source).orElse(0),
        text(node, "progress_message"),
        text(node, "preset").filter(s -> !s.isBlank()).map(BdPreset::of),
        capabilities(node, source),
        warnings(node, source),
        text(node, "error_message"),
        instant(node, "created_at", source).orElseThrow(() -> missing(source, "created_at")),
        instant(node, "updated_at", source),
        instant(node, "started_at", source),
        instant(node, "completed_at", source),
        Optional.of(body != null ? body : node.toString()));
  }

  /**
   * Reads a BD job's result.
   *
   * @param node the document
   * @param source the request it answered
   * @return the result
   */
  public static BdJobResult bdJobResult(JsonNode node, String source) {
    requireObject(node, source);
    String status = text(node, "status").orElse("");
    List<BdAsset> assets = new ArrayList<>();
    for (JsonNode item : array(node, "result_assets", source)) {
      assets.add(asset(item, source + " result_assets"));
    }
    return new BdJobResult(
        text(node, "result_id").filter(s -> !s.isBlank()),
        text(node, "job_id").orElseThrow(() -> missing(source, "job_id")),
        JobStatus.fromValue(status),
        status,
        integer(node, "progress_percent", source).orElse(0),
        text(node, "progress_message"),
        summary(node, source),
        warnings(node, source),
        assets,
        instant(node, "created_at", source),
        instant(node, "completed_at", source));
  }

  /**
   * Reads an asset-like object ({@code result_assets[]} or {@code artifact_handles[]}).
   *
   * @param item the object
   * @param source what it came from
   * @return the asset
   */
  public static BdAsset asset(JsonNode item, String source) {
    if (item == null || !item.isObject()) {
      throw invalid(source + " holds an item that is not a JSON object");
    }
    return new BdAsset(
        text(item, "asset_id").orElseThrow(() -> missing(source, "asset_id")),
        text(item, "label"),
        text(item, "kind"),
        text(item, "mime_type"),
        text(item, "availability"),
        text(item, "download_url"),
        JsonValues.fromNode(item));
  }

  /**
   * Reads a growth run ({@code GET /growth/runs/{id}} or the 202 of {@code POST /growth/run}).
   *
   * @param node the document
   * @param source the request it answered
   * @return the run
   */
  public static GrowthRun growthRun(JsonNode node, String source) {
    return growthRun(node, null, source);
  }

  /**
   * Reads a growth run and keeps the body it was read from.
   *
   * @param node the document
   * @param body the body text as sent, or null to write the document as JSON
   * @param source the request it answered
   * @return the run
   */
  public static GrowthRun growthRun(JsonNode node, String body, String source) {
    requireObject(node, source);
    String status = text(node, "status").orElseThrow(() -> missing(source, "status"));
    Map<String, String> stages = JsonObjects.stringMap(node.get("stage_status"));
    JsonNode progress = node.get("progress");
    Integer percent = null;
    String message = null;
    if (progress != null && progress.isObject()) {
      OptionalInt pi = integer(progress, "percent", source);
      percent = pi.isPresent() ? pi.getAsInt() : null;
      message = text(progress, "message").orElse(null);
    }
    Optional<Progress> p =
        percent == null && message == null && stages.isEmpty()
            ? Optional.empty()
            : Optional.of(
                Progress.of(
                    percent == null ? null : Math.max(0, Math.min(100, percent)), message, stages));
    List<BdAsset> artifacts = new ArrayList<>();
    for (JsonNode item : array(node, "artifact_handles", source)) {
      artifacts.add(asset(item, source + " artifact_handles"));
    }
    return new GrowthRun(
        text(node, "run_id").orElseThrow(() -> missing(source, "run_id")),
        JobStatus.fromValue(status),
        status,
        stages,
        p,
        values(node, "result_handles", source),
        artifacts,
        values(node, "export_handles", source),
        object(node, "preview"),
        object(node, "data_source_mix"),
        object(node, "gap_report"),
        Optional.of(body != null ? body : node.toString()));
  }

  /**
   * Reads a growth quote.
   *
   * @param node the document
   * @param source the request it answered
   * @return the quote
   */
  public static GrowthQuote growthQuote(JsonNode node, String source) {
    requireObject(node, source);
    return new GrowthQuote(
        bool(node, "ok"),
        bool(node, "quotable"),
        text(node, "quote_token").filter(s -> !s.isBlank()),
        instant(node, "expiry", source),
        integer(node, "credits_total", source),
        object(node, "cost_breakdown"),
        object(node, "provider_estimate"),
        object(node, "expected_artifacts"),
        object(node, "goal_plan"),
        values(node, "missing_requirements", source),
        text(node, "error_code"),
        text(node, "detail"),
        text(node, "suggested_next_action"));
  }

  /**
   * Reads a growth resolution.
   *
   * @param node the document
   * @param source the request it answered
   * @return the resolution
   */
  public static GrowthResolution growthResolution(JsonNode node, String source) {
    requireObject(node, source);
    return new GrowthResolution(
        text(node, "goal_type"),
        text(node, "coverage_mode"),
        bool(node, "quotable"),
        values(node, "missing_requirements", source),
        text(node, "suggested_next_action"),
        object(node, "goal_plan"),
        object(node, "normalized_input_assets"),
        JsonValues.fromNode(node));
  }

  private static List<BdCapability> capabilities(JsonNode node, String source) {
    List<BdCapability> out = new ArrayList<>();
    for (JsonNode c : array(node, "requested_capabilities", source)) {
      if (c.isTextual() && !c.asText().isBlank()) {
        out.add(BdCapability.of(c.asText()));
      }
    }
    return out;
  }

  private static void requireObject(JsonNode node, String source) {
    if (node == null || !node.isObject()) {
      throw invalid(source + " returned a body that is not a JSON object");
    }
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(v.isValueNode() ? v.asText() : v.toString());
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText()));
  }

  private static OptionalInt integer(JsonNode node, String field, String source) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return OptionalInt.empty();
    }
    if (v.isNumber()) {
      return OptionalInt.of(v.intValue());
    }
    if (v.isTextual()) {
      try {
        return OptionalInt.of((int) Math.round(Double.parseDouble(v.asText().strip())));
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw invalid(source + " returned a non-numeric " + field + ": " + Untrusted.text(v.toString(), 60));
  }

  private static JsonValue object(JsonNode node, String field) {
    return JsonValues.fromNode(JsonObjects.orEmpty(node.get(field)));
  }

  private static List<JsonValue> values(JsonNode node, String field, String source) {
    List<JsonValue> out = new ArrayList<>();
    for (JsonNode n : array(node, field, source)) {
      out.add(JsonValues.fromNode(n));
    }
    return out;
  }

  private static List<BdWarning> warnings(JsonNode node, String source) {
    List<BdWarning> out = new ArrayList<>();
    for (JsonValue w : values(node, "warnings", source)) {
      out.add(BdWarning.of(w));
    }
    return out;
  }

  private static BdJobSummary summary(JsonNode node, String source) {
    JsonNode summary = node.get("summary");
    if (summary == null || summary.isNull()) {
      return BdJobSummary.EMPTY;
    }
    if (!summary.isObject()) {
      throw invalid(source + " returned a summary that is not a JSON object");
    }
    return new BdJobSummary(
        count(summary, "delivered_contacts", source),
        count(summary, "verified_emails", source),
        count(summary, "companies_processed", source),
        JsonValues.fromNode(summary));
  }

  private static Optional<Integer> count(JsonNode node, String field, String source) {
    OptionalInt v = integer(node, field, source);
    return v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty();
  }

  private static List<JsonNode> array(JsonNode node, String field, String source) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw invalid(source + " returned " + field + " that is not an array");
    }
    List<JsonNode> out = new ArrayList<>(v.size());
    v.forEach(out::add);
    return out;
  }

  /**
   * Reads an ISO-8601 timestamp leniently: with a zone offset, or without one (taken as UTC, as
   * Python servers often write them), or epoch seconds.
   */
  static Optional<Instant> instant(JsonNode node, String field, String source) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      return Optional.empty();
    }
    if (v.isNumber()) {
      return Optional.of(Instant.ofEpochSecond(v.longValue()));
    }
    String s = v.asText().strip();
    try {
      return Optional.of(Timestamps.iso(s));
    } catch (DateTimeParseException notIso) {
      throw invalid(source + " returned an unreadable " + field + ": " + Untrusted.text(s, 60));
    }
  }

  private static InvalidResponseException missing(String source, String field) {
    return invalid(source + " returned a document without " + field);
  }

  private static InvalidResponseException invalid(String message) {
    return new InvalidResponseException(message, null);
  }
}
