package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.internal.JsonValues;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.deepcurrent.internal.JsonObjects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run as a BD job ({@code POST /api/v1/bd/jobs}): either a {@link BdPreset} or a list of
 * {@link BdCapability capabilities} (exactly one of the two), the input records, and optional ICP
 * criteria, execution options and chat.
 *
 * <pre>{@code
 * BdJobRequest request = BdJobRequest.builder()
 *     .preset(BdPreset.FULL_PIPELINE)
 *     .inputAssets(Map.of("companies", List.of(Map.of("company_name", "Acme", "website", "acme.com"))))
 *     .build();
 * }</pre>
 *
 * <p>Immutable; the JSON objects are copied when set and when read.
 */
public final class BdJobRequest {
  private final BdPreset preset;
  private final List<BdCapability> requestedCapabilities;
  private final JsonValue inputAssets;
  private final JsonValue icpConfig;
  private final JsonValue executionOptions;
  private final String chatId;

  private BdJobRequest(Builder b) {
    this.preset = b.preset;
    this.requestedCapabilities = List.copyOf(b.requestedCapabilities);
    this.inputAssets = b.inputAssets;
    this.icpConfig = b.icpConfig;
    this.executionOptions = b.executionOptions;
    this.chatId = b.chatId;
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a request for a preset with these input records.
   *
   * @param preset the preset
   * @param inputAssets the input records, such as {@code {"companies": [...]}}
   * @return the request
   * @throws IllegalArgumentException if an argument is null or inputAssets is not a JSON object
   */
  public static BdJobRequest of(BdPreset preset, Map<String, ?> inputAssets) {
    return builder().preset(preset).inputAssets(inputAssets).build();
  }

  /**
   * Returns the preset.
   *
   * @return the preset, or empty when capabilities are requested instead
   */
  public Optional<BdPreset> preset() {
    return Optional.ofNullable(preset);
  }

  /**
   * Returns the requested capabilities.
   *
   * @return an immutable list, empty when a preset is used instead
   */
  public List<BdCapability> requestedCapabilities() {
    return requestedCapabilities;
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
   * Returns the ICP criteria.
   *
   * @return a copy of the object, or empty
   */
  public Optional<JsonValue> icpConfig() {
    return Models.copyOfNullable(icpConfig);
  }

  /**
   * Returns the execution options.
   *
   * @return a copy of the object, or empty
   */
  public Optional<JsonValue> executionOptions() {
    return Models.copyOfNullable(executionOptions);
  }

  /**
   * Returns the chat the job is attached to.
   *
   * @return the chat id, or empty
   */
  public Optional<String> chatId() {
    return Optional.ofNullable(chatId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BdJobRequest r
        && Objects.equals(preset, r.preset)
        && requestedCapabilities.equals(r.requestedCapabilities)
        && Objects.equals(inputAssets, r.inputAssets)
        && Objects.equals(icpConfig, r.icpConfig)
        && Objects.equals(executionOptions, r.executionOptions)
        && Objects.equals(chatId, r.chatId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        preset, requestedCapabilities, inputAssets, icpConfig, executionOptions, chatId);
  }

  /**
   * Describes the request without its input records (which may hold personal data).
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "BdJobRequest{"
        + (preset != null ? "preset=" + preset : "requestedCapabilities=" + requestedCapabilities)
        + (inputAssets != null ? ", inputAssets=" + inputAssets.asObject().map(Map::size).orElse(0) + " field(s)" : "")
        + (icpConfig != null ? ", icpConfig" : "")
        + (executionOptions != null ? ", executionOptions" : "")
        + (chatId != null ? ", chatId=" + chatId : "")
        + '}';
  }

  /** Builds a {@link BdJobRequest}; setters validate their argument at once. Not thread-safe. */
  public static final class Builder {
    private BdPreset preset;
    private final List<BdCapability> requestedCapabilities = new ArrayList<>();
    private JsonValue inputAssets;
    private JsonValue icpConfig;
    private JsonValue executionOptions;
    private String chatId;

    private Builder() {}

    /**
     * Runs a preset. Exclusive with {@link #requestedCapabilities(List)}.
     *
     * @param preset the preset
     * @return this builder
     */
    public Builder preset(BdPreset preset) {
      this.preset = Checks.notNull(preset, "preset");
      return this;
    }

    /**
     * Runs exactly these capabilities, replacing any set before. Exclusive with {@link
     * #preset(BdPreset)}.
     *
     * @param capabilities one or more capabilities, without null elements
     * @return this builder
     */
    public Builder requestedCapabilities(List<BdCapability> capabilities) {
      Checks.notNull(capabilities, "requestedCapabilities");
      for (int i = 0; i < capabilities.size(); i++) {
        Checks.notNull(capabilities.get(i), "requestedCapabilities[" + i + "]");
      }
      this.requestedCapabilities.clear();
      this.requestedCapabilities.addAll(capabilities);
      return this;
    }

    /**
     * Runs exactly these capabilities, replacing any set before. Exclusive with {@link
     * #preset(BdPreset)}.
     *
     * @param capabilities one or more capabilities
     * @return this builder
     */
    public Builder requestedCapabilities(BdCapability... capabilities) {
      Checks.notNull(capabilities, "requestedCapabilities");
      return requestedCapabilities(Arrays.asList(capabilities));
    }

    /**
     * Sets the input records, such as {@code {"companies": [{"company_name": "Acme", "website":
     * "acme.com"}], "contacts": [...]}}.
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
     * Sets the ICP (ideal customer profile) criteria.
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
     * Sets fine-grained execution options (their shape is not documented).
     *
     * @param executionOptions a map of strings, numbers, booleans, lists and maps, written as a JSON object
     * @return this builder
     */
    public Builder executionOptions(Map<String, ?> executionOptions) {
      this.executionOptions = JsonValues.fromNode(JsonObjects.object(executionOptions, "executionOptions"));
      return this;
    }

    /**
     * Sets fine-grained execution options as a JSON object.
     *
     * @param executionOptions a JSON object
     * @return this builder
     */
    public Builder executionOptions(JsonValue executionOptions) {
      this.executionOptions = JsonValues.fromNode(JsonObjects.object(executionOptions, "executionOptions"));
      return this;
    }

    /**
     * Attaches the job to one of your chats.
     *
     * @param chatId the chat's id (a UUID)
     * @return this builder
     */
    public Builder chatId(String chatId) {
      this.chatId = Checks.notBlank(chatId, "chatId");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the immutable request
     * @throws IllegalArgumentException unless exactly one of preset and requested capabilities
     *     was set
     */
    public BdJobRequest build() {
      if (preset != null && !requestedCapabilities.isEmpty()) {
        throw new IllegalArgumentException(
            "preset and requestedCapabilities are mutually exclusive; set only one");
      }
      if (preset == null && requestedCapabilities.isEmpty()) {
        throw new IllegalArgumentException("either preset or requestedCapabilities is required");
      }
      return new BdJobRequest(this);
    }
  }
}
