package dev.jobsdk.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How far a job has got: an optional percentage, an optional human-readable message and, for
 * vendors that report them, the status of each named stage.
 *
 * <p>Two progress values are equal when all three parts are equal; the poller notifies a {@link
 * ProgressListener} only when the state or the progress changes.
 */
public final class Progress {
  private final Integer percent;
  private final String message;
  private final Map<String, String> stages;

  private Progress(Integer percent, String message, Map<String, String> stages) {
    if (percent != null && (percent < 0 || percent > 100)) {
      throw new IllegalArgumentException("percent must be between 0 and 100, was " + percent);
    }
    this.percent = percent;
    this.message = message;
    this.stages =
        stages == null || stages.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(stages));
  }

  /**
   * Creates a progress value.
   *
   * @param percent completion between 0 and 100, or null when unknown
   * @param message a human-readable description, or null
   * @return the progress
   * @throws IllegalArgumentException if percent is outside 0..100
   */
  public static Progress of(Integer percent, String message) {
    return new Progress(percent, message, null);
  }

  /**
   * Creates a progress value with per-stage statuses.
   *
   * @param percent completion between 0 and 100, or null when unknown
   * @param message a human-readable description, or null
   * @param stages stage name to the vendor's status of that stage, in the vendor's order; may be
   *     null or empty
   * @return the progress
   * @throws IllegalArgumentException if percent is outside 0..100
   */
  public static Progress of(Integer percent, String message, Map<String, String> stages) {
    return new Progress(percent, message, stages);
  }

  /**
   * Returns the completion percentage.
   *
   * @return 0 to 100, or empty when the vendor reports none
   */
  public OptionalInt percent() {
    return percent == null ? OptionalInt.empty() : OptionalInt.of(percent);
  }

  /**
   * Returns the human-readable progress message.
   *
   * @return the message, or empty
   */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /**
   * Returns the status of each named stage, in the vendor's order.
   *
   * @return an unmodifiable map, empty when the vendor reports no stages
   */
  public Map<String, String> stages() {
    return stages;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Progress p
        && Objects.equals(percent, p.percent)
        && Objects.equals(message, p.message)
        && stages.equals(p.stages);
  }

  @Override
  public int hashCode() {
    return Objects.hash(percent, message, stages);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Progress{");
    sb.append(percent == null ? "?" : percent + "%");
    if (message != null) {
      sb.append(", ").append(message);
    }
    if (!stages.isEmpty()) {
      sb.append(", stages=").append(stages);
    }
    return sb.append('}').toString();
  }
}
