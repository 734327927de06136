package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.Progress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Copies and conversions shared by the model records. */
final class Models {
  private Models() {}

  static <T> List<T> copyNodes(List<T> values) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    List<T> out = new ArrayList<>(values.size());
    for (T v : values) {
      out.add(Objects.requireNonNull(v, "list element"));
    }
    return Collections.unmodifiableList(out);
  }

  static <T> T copy(T value, String name) {
    return Objects.requireNonNull(value, name);
  }

  static <T> Optional<T> copy(Optional<T> value, String name) {
    return Objects.requireNonNull(value, name);
  }

  /** A value that may be absent (null), as an Optional. */
  static <T> Optional<T> copyOfNullable(T value) {
    return Optional.ofNullable(value);
  }

  static Progress progress(Integer percent, String message, Map<String, String> stages) {
    Integer clamped = percent == null ? null : Math.max(0, Math.min(100, percent));
    return Progress.of(clamped, message, stages);
  }
}
