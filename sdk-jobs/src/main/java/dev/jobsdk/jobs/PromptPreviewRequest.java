package dev.jobsdk.jobs;

import dev.jobsdk.core.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A prompt to preview on the model ({@code POST /api/admin/prompts/preview}, admin group only).
 * The server substitutes each {@code {{name}}} placeholder in {@code userPromptTemplate} with the
 * value of {@code variables.name} and runs the prompt as an {@link JobType#AI_PREVIEW} job.
 *
 * <p>Validated when created, so a bad request fails before anything is sent. (The vendor's
 * documentation example sends {@code userPrompt}; the API field is {@code userPromptTemplate},
 * and the server rejects unknown fields.)
 *
 * <pre>{@code
 * PromptPreviewRequest request = PromptPreviewRequest.builder()
 *     .systemPrompt("You are an expert agricultural risk analyst.")
 *     .userPromptTemplate("Identify gaps in risk coverage for: {{categories}}")
 *     .variable("categories", "Market Risk, Credit Risk")
 *     .build();
 * }</pre>
 *
 * @param systemPrompt the system prompt, at most {@value #MAX_PROMPT_LENGTH} characters
 * @param userPromptTemplate the user prompt with {@code {{name}}} placeholders, at most {@value
 *     #MAX_PROMPT_LENGTH} characters
 * @param variables placeholder name to value, in insertion order
 * @param context a context override for this run
 */
public record PromptPreviewRequest(
    String systemPrompt,
    String userPromptTemplate,
    Map<String, String> variables,
    Optional<PromptContext> context) {

  /** The longest system prompt or user prompt template the server accepts, in characters. */
  public static final int MAX_PROMPT_LENGTH = 50_000;

  /**
   * Creates the {@code PromptPreviewRequest}.
   *
   * @param systemPrompt the system prompt, at most {@value #MAX_PROMPT_LENGTH} characters
   * @param userPromptTemplate the user prompt with {@code {{name}}} placeholders, at most {@value
   *     #MAX_PROMPT_LENGTH} characters
   * @param variables placeholder name to value, in insertion order
   * @param context a context override for this run
   */
  public PromptPreviewRequest {
    checkPrompt(systemPrompt, "systemPrompt");
    checkPrompt(userPromptTemplate, "userPromptTemplate");
    variables = variables == null ? Map.of() : copyVariables(variables);
    context = context == null ? Optional.empty() : context;
  }

  /**
   * Creates a request without variables or context.
   *
   * @param systemPrompt the system prompt
   * @param userPromptTemplate the user prompt template
   * @return the request
   * @throws IllegalArgumentException if a prompt is null or too long
   */
  public static PromptPreviewRequest of(String systemPrompt, String userPromptTemplate) {
    return new PromptPreviewRequest(systemPrompt, userPromptTemplate, null, null);
  }

  /**
   * Starts a request.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static void checkPrompt(String prompt, String name) {
    Checks.notNull(prompt, name);
    if (prompt.length() > MAX_PROMPT_LENGTH) {
      throw new IllegalArgumentException(
          name
              + " must be at most "
              + MAX_PROMPT_LENGTH
              + " characters, was "
              + prompt.length());
    }
  }

  private static Map<String, String> copyVariables(Map<String, String> variables) {
    Map<String, String> copy = new LinkedHashMap<>();
    variables.forEach(
        (k, v) -> {
          Checks.notNull(k, "variables key");
          Checks.notNull(v, "variables[" + k + "]");
          copy.put(k, v);
        });
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Describes the request by the prompts' lengths and the variables' names, not their text.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "PromptPreviewRequest[systemPrompt=<"
        + systemPrompt.length()
        + " chars>, userPromptTemplate=<"
        + userPromptTemplate.length()
        + " chars>, variables="
        + variables.keySet()
        + ", context="
        + context.map(c -> "set").orElse("none")
        + "]";
  }

  /** Builds a {@link PromptPreviewRequest}. */
  public static final class Builder {
    private String systemPrompt;
    private String userPromptTemplate;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private PromptContext context;

    private Builder() {}

    /**
     * Sets the system prompt. Required.
     *
     * @param systemPrompt at most {@value PromptPreviewRequest#MAX_PROMPT_LENGTH} characters
     * @return this builder
     */
    public Builder systemPrompt(String systemPrompt) {
      this.systemPrompt = systemPrompt;
      return this;
    }

    /**
     * Sets the user prompt template, with {@code {{name}}} placeholders. Required.
     *
     * @param userPromptTemplate at most {@value PromptPreviewRequest#MAX_PROMPT_LENGTH}
     *     characters
     * @return this builder
     */
    public Builder userPromptTemplate(String userPromptTemplate) {
      this.userPromptTemplate = userPromptTemplate;
      return this;
    }

    /**
     * Sets one placeholder's value.
     *
     * @param name the placeholder's name, without braces
     * @param value its value
     * @return this builder
     */
    public Builder variable(String name, String value) {
      variables.put(Checks.notNull(name, "name"), Checks.notNull(value, "value"));
      return this;
    }

    /**
     * Adds every placeholder value of a map.
     *
     * @param variables name to value
     * @return this builder
     */
    public Builder variables(Map<String, String> variables) {
      this.variables.putAll(copyVariables(Checks.notNull(variables, "variables")));
      return this;
    }

    /**
     * Sets the context override.
     *
     * @param context the context
     * @return this builder
     */
    public Builder context(PromptContext context) {
      this.context = Checks.notNull(context, "context");
      return this;
    }

    /**
     * Builds and validates the request.
     *
     * @return the request
     * @throws IllegalArgumentException if a prompt is missing or too long
     */
    public PromptPreviewRequest build() {
      return new PromptPreviewRequest(
          systemPrompt, userPromptTemplate, variables, Optional.ofNullable(context));
    }
  }
}
