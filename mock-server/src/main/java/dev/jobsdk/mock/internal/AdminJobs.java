package dev.jobsdk.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJob;
import dev.jobsdk.mock.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /__mock/jobs}: creates a job of any family with a scripted lifecycle, through the same
 * Java API a test uses. Every field is bounded, so a hostile body costs little.
 *
 * <pre>{@code
 * {"family": "deepidv", "owner": "sk_test_org_a",
 *  "lifecycle": {"queuedSeconds": 5,
 *                "stages": [{"name": "searching", "seconds": 60, "message": "Searching..."},
 *                           {"name": "review", "seconds": 30, "status": "on_hold"}],
 *                "outcome": "fail", "message": "upstream timeout"}}
 * }</pre>
 */
final class AdminJobs {

  private static final int MAX_STAGES = 100;
  private static final int MAX_NAME = 64;
  private static final int MAX_MESSAGE = 500;
  private static final double MAX_SECONDS = Duration.ofDays(3_653).toSeconds();

  private AdminJobs() {
  }

  /** The usage line of the index page. */
  static final String USAGE = "POST /__mock/jobs {\"family\": \"bd|growth|deepidv|jobs\", \"type\": \"AI_PREVIEW\" (jobs), "
      + "\"preset\": \"full_pipeline\" (bd), \"owner\": \"<API key or email>\", \"lifecycle\": {\"queuedSeconds\": 5, "
      + "\"seconds\": 60 | \"stages\": [{\"name\", \"seconds\", \"message\", \"status\"}], "
      + "\"outcome\": \"succeed|fail|cancel|expire|failAttempts\", \"message\", \"attempts\"}}";

  /**
   * Creates the job a body describes.
   *
   * @param engine the engine
   * @param body the request body
   * @return the new job
   * @throws IllegalArgumentException naming the field that is missing or wrong
   */
  static MockJob create(Engine engine, JsonNode body) {
    String family = text(body, "family", MAX_NAME);
    if (family == null) {
      throw new IllegalArgumentException("\"family\" is required: bd, growth, deepidv or jobs");
    }
    Lifecycle lifecycle = body.has("lifecycle") && !body.get("lifecycle").isNull()
        ? lifecycle(body.get("lifecycle")) : null;
    String owner = text(body, "owner", 320);
    String id = switch (family.toLowerCase(Locale.ROOT)) {
      case "bd" -> engine.deepCurrent().createBdJob(owner != null ? owner : MockCredentials.DEEPCURRENT_PAID_KEY,
          orDefault(text(body, "preset", MAX_NAME), "full_pipeline"), lifecycle);
      case "growth" -> engine.deepCurrent().createGrowthRun(
          owner != null ? owner : MockCredentials.DEEPCURRENT_PAID_KEY, lifecycle);
      case "deepidv" -> engine.deepIdv().createJob(owner != null ? owner : MockCredentials.DEEPIDV_ORG_A_KEY, lifecycle);
      case "jobs" -> engine.riskTool().createJob(owner != null ? owner : MockCredentials.RISK_ADMIN_EMAIL,
          orDefault(text(body, "type", MAX_NAME), "AI_PREVIEW").toUpperCase(Locale.ROOT), lifecycle);
      default -> throw new IllegalArgumentException("unknown family '" + family
          + "'; use bd, growth, deepidv or jobs");
    };
    return engine.get(id);
  }

  private static Lifecycle lifecycle(JsonNode json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("\"lifecycle\" must be an object");
    }
    Lifecycle.Builder builder = Lifecycle.builder();
    if (json.has("queuedSeconds")) {
      builder.queued(seconds(json.get("queuedSeconds"), "lifecycle.queuedSeconds"));
    }
    JsonNode stages = json.get("stages");
    if (stages != null && !stages.isNull()) {
      if (!stages.isArray() || stages.size() > MAX_STAGES) {
        throw new IllegalArgumentException("lifecycle.stages must be an array of at most " + MAX_STAGES + " stages");
      }
      List<Lifecycle.Stage> list = new ArrayList<>();
      for (int i = 0; i < stages.size(); i++) {
        JsonNode stage = stages.get(i);
        String where = "lifecycle.stages[" + i + "]";
        String name = text(stage, "name", MAX_NAME);
        if (name == null || name.isBlank()) {
          throw new IllegalArgumentException(where + ".name is required");
        }
        Duration duration = seconds(stage.get("seconds"), where + ".seconds");
        String message = orDefault(text(stage, "message", MAX_MESSAGE), name);
        String status = text(stage, "status", MAX_NAME);
        list.add(new Lifecycle.Stage(name, duration, message, Optional.ofNullable(status)));
      }
      builder.stages(list);
    } else if (json.has("seconds")) {
      builder.stage("running", seconds(json.get("seconds"), "lifecycle.seconds"), "Running...");
    }
    String outcome = orDefault(text(json, "outcome", MAX_NAME), "succeed");
    String message = text(json, "message", MAX_MESSAGE);
    builder.outcome(switch (outcome) {
      case "succeed" -> Outcome.succeed();
      case "fail" -> Outcome.fail(orDefault(message, "Failed by the mock's admin API."));
      case "cancel" -> Outcome.cancel();
      case "expire" -> Outcome.expire();
      case "failAttempts" -> {
        JsonNode attempts = json.get("attempts");
        if (attempts == null || !attempts.canConvertToInt()) {
          throw new IllegalArgumentException("lifecycle.attempts (a number) is required with failAttempts");
        }
        yield Outcome.failAttempts(attempts.asInt(), orDefault(message, "Attempt failed."));
      }
      default -> throw new IllegalArgumentException("unknown lifecycle.outcome '" + outcome
          + "'; use succeed, fail, cancel, expire or failAttempts");
    });
    return builder.build();
  }

  private static Duration seconds(JsonNode value, String field) {
    if (value == null || !value.isNumber() || !(value.doubleValue() >= 0) || value.doubleValue() > MAX_SECONDS) {
      throw new IllegalArgumentException(field + " must be a number of seconds from 0 to " + (long) MAX_SECONDS);
    }
    return Duration.ofNanos(Math.round(value.doubleValue() * 1_000_000_000d));
  }

  private static String text(JsonNode node, String field, int max) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.textValue().length() > max) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string of at most " + max + " characters");
    }
    return value.textValue();
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
