package dev.jobsdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reads the expiry claim of a JWT without verifying it (the server does that). */
public final class Jwt {
  private Jwt() {}

  /**
   * Returns the {@code exp} claim of a JWT.
   *
   * @param token a compact JWT ({@code header.payload.signature})
   * @return the expiry, or empty if the token is not a JWT or has no {@code exp}
   */
  public static Optional<Instant> expiry(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
      JsonNode exp = Json.MAPPER.readTree(new String(payload, StandardCharsets.UTF_8)).get("exp");
      return exp != null && exp.isNumber()
          ? Optional.of(Instant.ofEpochSecond(exp.asLong()))
          : Optional.empty();
    } catch (Exception notAJwt) {
      return Optional.empty();
    }
  }
}
