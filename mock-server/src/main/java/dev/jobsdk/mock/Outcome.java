package dev.jobsdk.mock;

import java.util.Objects;
import java.util.Optional;

/**
 * How a scripted job ends once its {@link Lifecycle} has run through its stages.
 *
 * <p>Each vendor shows an outcome in its own words:
 * <table>
 *   <caption>Outcomes per vendor</caption>
 *   <tr><th>Outcome</th><th>DeepCurrent</th><th>DeepIDV</th><th>Risk tool</th></tr>
 *   <tr><td>{@link #succeed()}</td><td>{@code completed}</td><td>{@code ready}</td><td>{@code COMPLETED}</td></tr>
 *   <tr><td>{@link #fail(String)}</td><td>{@code failed}</td><td>{@code failed}</td>
 *       <td>{@code FAILED} after {@code maxAttempts} (3) attempts, each failed attempt returning the job
 *       to {@code PENDING}</td></tr>
 *   <tr><td>{@link #cancel()}</td><td>{@code cancelled}</td><td>{@code failed} (invented by the mock: no
 *       cancelled state exists)</td><td>{@code FAILED} (invented by the mock)</td></tr>
 *   <tr><td>{@link #expire()}</td><td colspan="3">the job disappears: 404</td></tr>
 *   <tr><td>{@link #failAttempts(int, String)}</td><td colspan="2">{@code failed} when n &ge; 1 (these
 *       vendors do not retry), else success</td><td>n failed attempts, then success; {@code FAILED}
 *       when n &ge; maxAttempts</td></tr>
 * </table>
 * Instances are immutable.
 */
public final class Outcome {

  /** The kind of ending. */
  public enum Kind {
    /** The job completes with a result. */
    SUCCEED,
    /** The job fails with a message. */
    FAIL,
    /** The job is cancelled. */
    CANCEL,
    /** The job disappears (404), as if a TTL removed it. */
    EXPIRE,
    /** The first n attempts fail, then an attempt succeeds (where the vendor retries). */
    FAIL_ATTEMPTS
  }

  private static final Outcome SUCCEED = new Outcome(Kind.SUCCEED, null, 0);
  private static final Outcome CANCEL = new Outcome(Kind.CANCEL, null, 0);
  private static final Outcome EXPIRE = new Outcome(Kind.EXPIRE, null, 0);

  private final Kind kind;
  private final String message;
  private final int failedAttempts;

  private Outcome(Kind kind, String message, int failedAttempts) {
    this.kind = kind;
    this.message = message;
    this.failedAttempts = failedAttempts;
  }

  /**
   * The job completes successfully and shows its result.
   *
   * @return the success outcome
   */
  public static Outcome succeed() {
    return SUCCEED;
  }

  /**
   * The job fails with {@code message} as its error.
   *
   * @param message the error the vendor shows
   * @return a failure outcome
   */
  public static Outcome fail(String message) {
    return new Outcome(Kind.FAIL, requireMessage(message), 0);
  }

  /**
   * The job ends cancelled (DeepCurrent); vendors without a cancelled state show a failure with the
   * error {@code "Job was cancelled."} (invented by the mock).
   *
   * @return the cancel outcome
   */
  public static Outcome cancel() {
    return CANCEL;
  }

  /**
   * The job disappears when its stages end: every request for it then answers 404.
   *
   * @return the expire outcome
   */
  public static Outcome expire() {
    return EXPIRE;
  }

  /**
   * The first {@code attempts} attempts fail with {@code message}, then one succeeds. Only the Risk
   * tool retries (up to {@code maxAttempts} = 3 attempts in total, so {@code attempts >= 3} ends
   * {@code FAILED}); for the other vendors any {@code attempts >= 1} is a plain failure.
   *
   * @param attempts how many attempts fail; must not be negative
   * @param message the error of a failed attempt
   * @return a retrying outcome
   */
  public static Outcome failAttempts(int attempts, String message) {
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
    }
    return new Outcome(Kind.FAIL_ATTEMPTS, requireMessage(message), attempts);
  }

  private static String requireMessage(String message) {
    Objects.requireNonNull(message, "message");
    return message;
  }

  /**
   * Returns the kind of ending.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the failure message of {@link Kind#FAIL} and {@link Kind#FAIL_ATTEMPTS}.
   *
   * @return the message, or empty for the other kinds
   */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /**
   * Returns how many attempts fail for {@link Kind#FAIL_ATTEMPTS}, else 0.
   *
   * @return the number of failing attempts
   */
  public int failedAttempts() {
    return failedAttempts;
  }

  /**
   * Compares kind, message and attempts.
   *
   * @param o another object
   * @return whether both describe the same outcome
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Outcome other
        && kind == other.kind
        && failedAttempts == other.failedAttempts
        && Objects.equals(message, other.message);
  }

  /**
   * Hashes kind, message and attempts.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(kind, message, failedAttempts);
  }

  /**
   * Describes the outcome, e.g. {@code fail("upstream timeout")}.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    switch (kind) {
      case FAIL:
        return "fail(\"" + message + "\")";
      case FAIL_ATTEMPTS:
        return "failAttempts(" + failedAttempts + ", \"" + message + "\")";
      default:
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "()";
    }
  }
}
