package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.internal.JsonValues;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.deepcurrent.internal.JsonObjects;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A goal in plain words for {@code POST /api/v1/growth/resolve}, which turns it into a goal plan
 * (no credits are spent).
 *
 * <pre>{@code
 * GrowthResolveRequest request = GrowthResolveRequest.builder("Find verified emails for DeFi founders")
 *     .constraints(Map.of("niche", "DeFi", "count", 100))
 *     .build();
 * }</pre>
 *
 * <p>Immutable; the JSON objects are copied when set and when read.
 */
public final class GrowthResolveRequest {
  /** Shortest goal text the API accepts. */
  public static final int MIN_GOAL_TEXT_LENGTH = 3;

  /** Longest goal text the API accepts. */
  public static final int MAX_GOAL_TEXT_LENGTH = 2_000;

  /** Longest input text the API accepts. */
  public static final int MAX_INPUT_TEXT_LENGTH = 50_000;

  private final String goalText;
  private final JsonValue constraints;
  private final JsonValue inputAssets;
  private final String inputText;
  private final JsonValue icpConfig;

  private GrowthResolveRequest(Builder b) {
    this.goalText = b.goalText;
    this.constraints = b.constraints;
    this.inputAssets = b.inputAssets;
    this.inputText = b.inputText;
    this.icpConfig = b.icpConfig;
  }

  /**
   * Returns a builder for a goal.
   *
   * @param goalText the goal, 3 to 2,000 characters
   * @return the builder
   * @throws IllegalArgumentException if goalText is null, blank or of the wrong length
   */
  public static Builder builder(String goalText) {
    return new Builder(goalText);
  }

  /**
   * Returns the goal.
   *
   * @return the goal text
   */
  public String goalText() {
    return goalText;
  }

  /**
   * Returns the constraints, such as {@code {"niche": "DeFi", "count": 100}}.
   *
   * @return a copy of the object, or empty
   */
  public Optional<JsonValue> constraints() {
    return Models.copyOfNullable(constraints);
  }

  /**
   * Returns the input records.
   *
   * @return a copy of the object, or empty
   */
  public Optional<JsonValue> inputAssets() {
    return Models.copyOfNullable(inputAssets);
  }

  /**
   * Returns the free-form input text.
   *
   * @return the text, or empty
   */
  public Optional<String> inputText() {
    return Optional.ofNullable(inputText);
  }

  /**
   * Returns the ICP criteria.
   *
   * @return a copy of the object, or empty
   */
  public Optional<JsonValue> icpConfig() {
    return Models.copyOfNullable(icpConfig);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GrowthResolveRequest r
        && goalText.equals(r.goalText)
        && Objects.equals(constraints, r.constraints)
        && Objects.equals(inputAssets, r.inputAssets)
        && Objects.equals(inputText, r.inputText)
        && Objects.equals(icpConfig, r.icpConfig);
  }

  @Override
  public int hashCode() {
    return Objects.hash(goalText, constraints, inputAssets, inputText, icpConfig);
  }

  /**
   * Describes the request without its input records and text.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "GrowthResolveRequest{goalText="
        + goalText
        + (constraints != null ? ", constraints=" + constraints : "")
        + (inputAssets != null ? ", inputAssets" : "")
        + (inputText != null ? ", inputText=" + inputText.length() + " chars" : "")
        + (icpConfig != null ? ", icpConfig" : "")
        + '}';
  }

  /** Builds a {@link GrowthResolveRequest}; setters validate at once. Not thread-safe. */
  public static final class Builder {
    private final String goalText;
    private JsonValue constraints;
    private JsonValue inputAssets;
    private String inputText;
    private JsonValue icpConfig;

    private Builder(String goalText) {
      Checks.notBlank(goalText, "goalText");
      int n = goalText.strip().length();
      if (n < MIN_GOAL_TEXT_LENGTH || goalText.length() > MAX_GOAL_TEXT_LENGTH) {
        throw new IllegalArgumentException(
            "goalText must be "
                + MIN_GOAL_TEXT_LENGTH
                + " to "
                + MAX_GOAL_TEXT_LENGTH
                + " characters, was "
                + goalText.length());
      }
      this.goalText = goalText;
    }

    /**
     * Sets constraints such as {@code {"niche": "DeFi", "count": 100}}.
     *
     * @param constraints a map of strings, numbers, booleans, lists and maps, written as a JSON object
     * @return this builder
     */
    public Builder constraints(Map<String, ?> constraints) {
      this.constraints = JsonValues.fromNode(JsonObjects.object(constraints, "constraints"));
      return this;
    }

    /**
     * Sets constraints as a JSON object.
     *
     * @param constraints a JSON object
     * @return this builder
     */
    public Builder constraints(JsonValue constraints) {
      this.constraints = JsonValues.fromNode(JsonObjects.object(constraints, "constraints"));
      return this;
    }

    /**
     * Sets the input records, such as {@code {"companies": [...], "contacts": [...]}}.
     *
     * @param inputAssets a map of strings, numbers, booleans, lists and maps, written as a JSON object
     * @return this builder
     */
    public Builder inputAssets(Map<String, ?> inputAssets) {
      this.inputAssets = JsonValues.fromNode(JsonObjects.object(inputAssets, "inputAssets"));
      return this;
    }

    /**
     * Sets the input records as a JSON object.
     *
     * @param inputAssets a JSON object
     * @return this builder
     */
    public Builder inputAssets(JsonValue inputAssets) {
      this.inputAssets = JsonValues.fromNode(JsonObjects.object(inputAssets, "inputAssets"));
      return this;
    }

    /**
     * Sets free-form input, such as pasted rows.
     *
     * @param inputText up to 50,000 characters
     * @return this builder
     */
    public Builder inputText(String inputText) {
      Checks.notNull(inputText, "inputText");
      if (inputText.length() > MAX_INPUT_TEXT_LENGTH) {
        throw new IllegalArgumentException(
            "inputText must be at most "
                + MAX_INPUT_TEXT_LENGTH
                + " characters, was "
                + inputText.length());
      }
      this.inputText = inputText;
      return this;
    }

    /**
     * Sets the ICP criteria.
     *
     * @param icpConfig a map of strings, numbers, booleans, lists and maps, written as a JSON object
     * @return this builder
     */
    public Builder icpConfig(Map<String, ?> icpConfig) {
      this.icpConfig = JsonValues.fromNode(JsonObjects.object(icpConfig, "icpConfig"));
      return this;
    }

    /**
     * Sets the ICP criteria as a JSON object.
     *
     * @param icpConfig a JSON object
     * @return this builder
     */
    public Builder icpConfig(JsonValue icpConfig) {
      this.icpConfig = JsonValues.fromNode(JsonObjects.object(icpConfig, "icpConfig"));
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the immutable request
     */
    public GrowthResolveRequest build() {
      return new GrowthResolveRequest(this);
    }
  }
}
