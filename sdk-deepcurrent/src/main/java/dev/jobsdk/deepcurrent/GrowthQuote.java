package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A priced growth plan from {@code POST /api/v1/growth/quote}. When {@link #quotable()}, pass it
 * to {@link GrowthService#run(GrowthQuote)}; otherwise {@link #errorCode()}, {@link #detail()},
 * {@link #missingRequirements()} and {@link #suggestedNextAction()} say why not.
 *
 * <p>The {@link #quoteToken()} is a single-use bearer secret: {@link #toString()} never prints
 * it.
 *
 * @param ok whether the quote request succeeded
 * @param quotable whether the plan can be run as quoted
 * @param quoteToken the single-use token that {@code /growth/run} consumes; only when quotable
 * @param expiry when the token expires
 * @param creditsTotal the credits the run will cost
 * @param costBreakdown credits per cost item, such as {@code {"enrichment": 450}} (an empty object
 *     when not sent)
 * @param providerEstimate the provider's estimate (shape not documented; empty object when not
 *     sent)
 * @param expectedArtifacts the expected output counts, such as {@code {"verified_emails": 80}}
 *     (empty object when not sent)
 * @param goalPlan the normalised goal plan: what {@code /growth/run} must receive (empty object
 *     when not sent)
 * @param missingRequirements what is missing when not quotable, as sent
 * @param errorCode why not quotable, such as {@code invalid_goal_plan}, {@code
 *     missing_input_assets}, {@code max_external_spend_too_low} or {@code
 *     quote_validation_failed}
 * @param detail a human-readable explanation
 * @param suggestedNextAction what to do next
 */
public record GrowthQuote(
    boolean ok,
    boolean quotable,
    Optional<String> quoteToken,
    Optional<Instant> expiry,
    OptionalInt creditsTotal,
    JsonValue costBreakdown,
    JsonValue providerEstimate,
    JsonValue expectedArtifacts,
    JsonValue goalPlan,
    List<JsonValue> missingRequirements,
    Optional<String> errorCode,
    Optional<String> detail,
    Optional<String> suggestedNextAction) {

  /**
   * Creates the record, copying its lists and JSON objects.
   *
   * @param ok see {@link #ok()}
   * @param quotable see {@link #quotable()}
   * @param quoteToken see {@link #quoteToken()}
   * @param expiry see {@link #expiry()}
   * @param creditsTotal see {@link #creditsTotal()}
   * @param costBreakdown see {@link #costBreakdown()}
   * @param providerEstimate see {@link #providerEstimate()}
   * @param expectedArtifacts see {@link #expectedArtifacts()}
   * @param goalPlan see {@link #goalPlan()}
   * @param missingRequirements see {@link #missingRequirements()}
   * @param errorCode see {@link #errorCode()}
   * @param detail see {@link #detail()}
   * @param suggestedNextAction see {@link #suggestedNextAction()}
   * @throws NullPointerException if a component is null (use empty optionals and lists)
   */
  public GrowthQuote {
    Objects.requireNonNull(quoteToken, "quoteToken");
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(creditsTotal, "creditsTotal");
    costBreakdown = Models.copy(costBreakdown, "costBreakdown");
    providerEstimate = Models.copy(providerEstimate, "providerEstimate");
    expectedArtifacts = Models.copy(expectedArtifacts, "expectedArtifacts");
    goalPlan = Models.copy(goalPlan, "goalPlan");
    missingRequirements = Models.copyNodes(missingRequirements);
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(suggestedNextAction, "suggestedNextAction");
  }

  /**
   * Returns the credits per cost item; a copy.
   *
   * @return the object
   */
  @Override
  public JsonValue costBreakdown() {
    return costBreakdown;
  }

  /**
   * Returns the provider's estimate; a copy.
   *
   * @return the object
   */
  @Override
  public JsonValue providerEstimate() {
    return providerEstimate;
  }

  /**
   * Returns the expected output counts; a copy.
   *
   * @return the object
   */
  @Override
  public JsonValue expectedArtifacts() {
    return expectedArtifacts;
  }

  /**
   * Returns the normalised goal plan; a copy.
   *
   * @return the object
   */
  @Override
  public JsonValue goalPlan() {
    return goalPlan;
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
   * Returns whether the token has expired at {@code now}. The server decides in the end: a
   * token it rejects makes {@link GrowthService#run(GrowthQuote)} throw {@link
   * QuoteTokenRejectedException}.
   *
   * @param now the instant to compare with
   * @return true when an expiry is known and is not after {@code now}
   */
  public boolean isExpiredAt(Instant now) {
    Objects.requireNonNull(now, "now");
    return expiry.map(e -> !e.isAfter(now)).orElse(false);
  }

  /**
   * Describes the quote; the token is shown as {@code ***}.
   *
   * @return a description without the token
   */
  @Override
  public String toString() {
    return "GrowthQuote{ok="
        + ok
        + ", quotable="
        + quotable
        + ", quoteToken="
        + (quoteToken.isPresent() ? "***" : "none")
        + expiry.map(e -> ", expiry=" + e).orElse("")
        + (creditsTotal.isPresent() ? ", creditsTotal=" + creditsTotal.getAsInt() : "")
        + ", costBreakdown="
        + costBreakdown
        + ", expectedArtifacts="
        + expectedArtifacts
        + ", goalPlan="
        + goalPlan
        + (missingRequirements.isEmpty() ? "" : ", missingRequirements=" + missingRequirements)
        + errorCode.map(c -> ", errorCode=" + c).orElse("")
        + detail.map(d -> ", detail=" + d).orElse("")
        + suggestedNextAction.map(s -> ", suggestedNextAction=" + s).orElse("")
        + '}';
  }
}
