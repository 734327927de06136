package dev.jobsdk.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks the JWTs the mock hands out (login tokens, refresh tokens, quote tokens). They are
 * real-looking {@code header.payload.signature} tokens with {@code sub}, {@code iat} and {@code exp} in
 * epoch seconds of the server clock, HMAC-signed with a key derived from the seed so the server needs to
 * remember nothing to check them.
 */
public final class Tokens {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

  private final byte[] key;
  private final long seed;
  private final AtomicLong issued = new AtomicLong();
  private final String header;
  private final ThreadLocal<Mac> macs;

  /** @param seed the server seed */
  public Tokens(long seed) {
    this.seed = seed;
    this.key = Long.toHexString(Seeds.mix(seed, 0x70CE45L)).getBytes(StandardCharsets.US_ASCII);
    ObjectNode h = Json.object().put("alg", "HS256").put("typ", "JWT").put("kid", "jobsdk-mock");
    this.header = B64.encodeToString(Json.bytes(h));
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** Restarts the sequence of token ids, for a server reset. */
  public void reset() {
    issued.set(0);
  }

  /**
   * Issues a token.
   *
   * @param claims the claims besides {@code iat}, {@code exp} and {@code jti}; {@code sub} first
   * @param now the issue instant
   * @param lifetimeSeconds seconds until {@code exp}
   * @return the compact JWT
   */
  public String issue(ObjectNode claims, Instant now, long lifetimeSeconds) {
    ObjectNode payload = claims.deepCopy();
    long iat = now.getEpochSecond();
    payload.put("iat", iat).put("exp", iat + lifetimeSeconds)
        .put("jti", Seeds.uuid(Seeds.mix(seed, 0x10000000L + issued.incrementAndGet())).toString());
    String body = header + '.' + B64.encodeToString(Json.bytes(payload));
    return body + '.' + B64.encodeToString(sign(body));
  }

  /**
   * Checks a token.
   *
   * @param token the compact JWT
   * @param now the clock's instant
   * @return its claims, or {@code null} when it is not ours, tampered with, or expired
   *     ({@code now >= exp})
   */
  public ObjectNode verify(String token, Instant now) {
    ObjectNode claims = claimsIfSigned(token);
    if (claims == null) {
      return null;
    }
    JsonNode exp = claims.get("exp");
    return exp != null && exp.canConvertToLong() && now.getEpochSecond() < exp.asLong() ? claims : null;
  }

  /**
   * Reads a token's claims without checking its expiry.
   *
   * @param token the compact JWT
   * @return its claims, or {@code null} when it is not ours or was tampered with
   */
  public ObjectNode claimsIfSigned(String token) {
    if (token == null) {
      return null;
    }
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
      return null;
    }
    try {
      byte[] expected = sign(token.substring(0, second));
      byte[] actual = B64_DECODE.decode(token.substring(second + 1));
      if (!MessageDigest.isEqual(expected, actual)) {
        return null;
      }
      JsonNode payload = Json.parse(B64_DECODE.decode(token.substring(first + 1, second)));
      return payload instanceof ObjectNode object ? object : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private byte[] sign(String content) {
    return macs.get().doFinal(content.getBytes(StandardCharsets.US_ASCII));
  }
}
