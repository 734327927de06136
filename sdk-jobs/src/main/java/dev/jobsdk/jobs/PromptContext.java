package dev.jobsdk.jobs;

import dev.jobsdk.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Context that overrides a saved prompt's context for one {@linkplain PromptPreviewRequest
 * preview} run. Every part is optional; null Optionals become empty, and a null source is
 * rejected.
 *
 * @param persona who the model should be, such as "You are a senior risk analyst."
 * @param sources the sources the model may draw on, such as "CGIAR Framework"
 * @param constraints limits on the answer, such as "Only use information from the provided
 *     document."
 * @param guardrails what the model must not do, such as "Do not provide investment advice."
 */
public record PromptContext(
    Optional<String> persona,
    List<String> sources,
    Optional<String> constraints,
    Optional<String> guardrails) {

  /**
   * Creates the {@code PromptContext}.
   *
   * @param persona who the model should be, such as "You are a senior risk analyst."
   * @param sources the sources the model may draw on, such as "CGIAR Framework"
   * @param constraints limits on the answer, such as "Only use information from the provided
   *     document."
   * @param guardrails what the model must not do, such as "Do not provide investment advice."
   */
  public PromptContext {
    persona = persona == null ? Optional.empty() : persona;
    sources = sources == null ? List.of() : copySources(sources);
    constraints = constraints == null ? Optional.empty() : constraints;
    guardrails = guardrails == null ? Optional.empty() : guardrails;
  }

  private static List<String> copySources(List<String> sources) {
    for (int i = 0; i < sources.size(); i++) {
      Checks.notNull(sources.get(i), "sources[" + i + "]");
    }
    return List.copyOf(sources);
  }

  /**
   * Starts a context.
   *
   * @return a builder with nothing set
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns whether no part is set.
   *
   * @return true when persona, sources, constraints and guardrails are all absent
   */
  public boolean isEmpty() {
    return persona.isEmpty() && sources.isEmpty() && constraints.isEmpty() && guardrails.isEmpty();
  }

  /** Builds a {@link PromptContext}. */
  public static final class Builder {
    private String persona;
    private final List<String> sources = new ArrayList<>();
    private String constraints;
    private String guardrails;

    private Builder() {}

    /**
     * Sets the persona.
     *
     * @param persona the persona
     * @return this builder
     */
    public Builder persona(String persona) {
      this.persona = Checks.notNull(persona, "persona");
      return this;
    }

    /**
     * Adds a source.
     *
     * @param source a source, such as "FAO Guidelines"
     * @return this builder
     */
    public Builder addSource(String source) {
      sources.add(Checks.notNull(source, "source"));
      return this;
    }

    /**
     * Replaces the sources.
     *
     * @param sources the sources
     * @return this builder
     */
    public Builder sources(List<String> sources) {
      Checks.notNull(sources, "sources");
      List<String> copy = copySources(sources);
      this.sources.clear();
      this.sources.addAll(copy);
      return this;
    }

    /**
     * Sets the constraints.
     *
     * @param constraints the constraints
     * @return this builder
     */
    public Builder constraints(String constraints) {
      this.constraints = Checks.notNull(constraints, "constraints");
      return this;
    }

    /**
     * Sets the guardrails.
     *
     * @param guardrails the guardrails
     * @return this builder
     */
    public Builder guardrails(String guardrails) {
      this.guardrails = Checks.notNull(guardrails, "guardrails");
      return this;
    }

    /**
     * Builds the context.
     *
     * @return the context
     */
    public PromptContext build() {
      return new PromptContext(
          Optional.ofNullable(persona),
          sources,
          Optional.ofNullable(constraints),
          Optional.ofNullable(guardrails));
    }
  }
}
