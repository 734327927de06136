package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A goal turned into a plan by {@code POST /api/v1/growth/resolve}. Quote its {@link #goalPlan()}
 * with {@link GrowthService#quote(JsonValue, QuoteOptions)}.
 *
 * @param goalType the kind of goal, such as {@code email_discovery} or {@code
 *     contact_enrichment}
 * @param coverageMode how well the input covers the goal: {@code sufficient}, {@code partial} or
 *     {@code needs_enrichment}
 * @param quotable whether the plan can be quoted as it is
 * @param missingRequirements what is missing before it can be quoted, as sent
 * @param suggestedNextAction what to do next
 * @param goalPlan the plan, such as {@code {"pipeline_id": "email_discovery_v1", "preset":
 *     "full_pipeline", ...}} (an empty object when not sent)
 * @param normalizedInputAssets the input records in canonical form (an empty object when not
 *     sent)
 * @param raw the whole answer as sent, including fields this SDK does not model (such as the
 *     execution strategy, whose field name is not documented)
 */
public record GrowthResolution(
    Optional<String> goalType,
    Optional<String> coverageMode,
    boolean quotable,
    List<JsonValue> missingRequirements,
    Optional<String> suggestedNextAction,
    JsonValue goalPlan,
    JsonValue normalizedInputAssets,
    JsonValue raw) {

  /**
   * Creates the record, copying its lists and JSON objects.
   *
   * @param goalType see {@link #goalType()}
   * @param coverageMode see {@link #coverageMode()}
   * @param quotable see {@link #quotable()}
   * @param missingRequirements see {@link #missingRequirements()}
   * @param suggestedNextAction see {@link #suggestedNextAction()}
   * @param goalPlan see {@link #goalPlan()}
   * @param normalizedInputAssets see {@link #normalizedInputAssets()}
   * @param raw see {@link #raw()}
   * @throws NullPointerException if a component is null (use empty optionals and lists)
   */
  public GrowthResolution {
    Objects.requireNonNull(goalType, "goalType");
    Objects.requireNonNull(coverageMode, "coverageMode");
    missingRequirements = Models.copyNodes(missingRequirements);
    Objects.requireNonNull(suggestedNextAction, "suggestedNextAction");
    goalPlan = Models.copy(goalPlan, "goalPlan");
    normalizedInputAssets = Models.copy(normalizedInputAssets, "normalizedInputAssets");
    raw = Models.copy(raw, "raw");
  }

  /**
   * Returns what is missing; copies.
   *
   * @return the items as sent
   */
  @Override
  public List<JsonValue> missingRequirements() {
    return Models.copyNodes(missingRequirements);
  }

  /**
   * Returns the goal plan; a copy.
   *
   * @return the object
   */
  @Override
  public JsonValue goalPlan() {
    return goalPlan;
  }

  /**
   * Returns the normalised input records; a copy.
   *
   * @return the object
   */
  @Override
  public JsonValue normalizedInputAssets() {
    return normalizedInputAssets;
  }

  /**
   * Returns the whole answer; a copy.
   *
   * @return the object
   */
  @Override
  public JsonValue raw() {
    return raw;
  }

  /**
   * Describes the resolution without {@link #raw()}.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "GrowthResolution{goalType="
        + goalType.orElse("?")
        + ", coverageMode="
        + coverageMode.orElse("?")
        + ", quotable="
        + quotable
        + (missingRequirements.isEmpty() ? "" : ", missingRequirements=" + missingRequirements)
        + suggestedNextAction.map(s -> ", suggestedNextAction=" + s).orElse("")
        + ", goalPlan="
        + goalPlan
        + '}';
  }
}
