package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The optional parts of a growth quote request: a spending cap and a chat to attach to.
 *
 * <pre>{@code
 * QuoteOptions options = QuoteOptions.builder().maxExternalSpendCredits(500).build();
 * }</pre>
 *
 * <p>Immutable.
 */
public final class QuoteOptions {
  private static final QuoteOptions NONE = new QuoteOptions(null, null);

  private final Integer maxExternalSpendCredits;
  private final String chatId;

  private QuoteOptions(Integer maxExternalSpendCredits, String chatId) {
    this.maxExternalSpendCredits = maxExternalSpendCredits;
    this.chatId = chatId;
  }

  /**
   * Returns options that set nothing.
   *
   * @return the empty options
   */
  public static QuoteOptions none() {
    return NONE;
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
   * Returns the spending cap: a quote above it is not quotable ({@code
   * max_external_spend_too_low}).
   *
   * @return the cap in credits, or empty for none
   */
  public OptionalInt maxExternalSpendCredits() {
    return maxExternalSpendCredits == null
        ? OptionalInt.empty()
        : OptionalInt.of(maxExternalSpendCredits);
  }

  /**
   * Returns the chat the quote is attached to.
   *
   * @return the chat id, or empty
   */
  public Optional<String> chatId() {
    return Optional.ofNullable(chatId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuoteOptions q
        && Objects.equals(maxExternalSpendCredits, q.maxExternalSpendCredits)
        && Objects.equals(chatId, q.chatId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxExternalSpendCredits, chatId);
  }

  @Override
  public String toString() {
    return "QuoteOptions{maxExternalSpendCredits="
        + (maxExternalSpendCredits == null ? "none" : maxExternalSpendCredits)
        + ", chatId="
        + (chatId == null ? "none" : chatId)
        + '}';
  }

  /** Builds {@link QuoteOptions}. Not thread-safe. */
  public static final class Builder {
    private Integer maxExternalSpendCredits;
    private String chatId;

    private Builder() {}

    /**
     * Caps the credits the run may spend.
     *
     * @param credits zero or more
     * @return this builder
     */
    public Builder maxExternalSpendCredits(int credits) {
      if (credits < 0) {
        throw new IllegalArgumentException(
            "maxExternalSpendCredits must not be negative, was " + credits);
      }
      this.maxExternalSpendCredits = credits;
      return this;
    }

    /**
     * Attaches the quote to one of your chats.
     *
     * @param chatId the chat id (a UUID)
     * @return this builder
     */
    public Builder chatId(String chatId) {
      this.chatId = Checks.notBlank(chatId, "chatId");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the immutable options
     */
    public QuoteOptions build() {
      return new QuoteOptions(maxExternalSpendCredits, chatId);
    }
  }
}
