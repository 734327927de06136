package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A non-fatal warning of a BD job ({@code warnings[]}, such as the planner's). The API documents
 * warnings only as "non-fatal"; a warning sent as a string is its {@link #message()}, one sent as
 * an object gives its {@code message} (or {@code detail}) and {@code code}, and {@link #raw()}
 * keeps it as sent.
 *
 * @param message the warning's text
 * @param code the warning's machine-readable code, when sent
 * @param raw the warning exactly as sent
 */
public record BdWarning(String message, Optional<String> code, JsonValue raw) {

  /**
   * Checks the components.
   *
   * @param message see {@link #message()}
   * @param code see {@link #code()}
   * @param raw see {@link #raw()}
   * @throws NullPointerException if a component is null
   */
  public BdWarning {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(raw, "raw");
  }

  /**
   * Reads a warning as the API sent it.
   *
   * @param raw the warning
   * @return the warning
   */
  public static BdWarning of(JsonValue raw) {
    Objects.requireNonNull(raw, "raw");
    String message =
        raw.asString()
            .or(() -> raw.path("message").asString())
            .or(() -> raw.path("detail").asString())
            .orElseGet(raw::toJson);
    return new BdWarning(message, raw.path("code").asString(), raw);
  }

  /**
   * Returns the message.
   *
   * @return the message
   */
  @Override
  public String toString() {
    return message;
  }
}
