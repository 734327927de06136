package dev.jobsdk.jobs.internal;

import dev.jobsdk.core.internal.Untrusted;
import dev.jobsdk.core.internal.Checks;
import java.util.regex.Pattern;

/** Validates the UUIDs the API takes as path parameters (it answers 400 to anything else). */
public final class Ids {
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final int MAX_ECHO = 60;

  private Ids() {}

  /**
   * Rejects anything but a UUID in its canonical 8-4-4-4-12 hex form.
   *
   * @param value the argument
   * @param name its name
   * @return the argument
   * @throws IllegalArgumentException naming the parameter if it is null, blank or not a UUID
   */
  public static String uuid(String value, String name) {
    Checks.notBlank(value, name);
    if (!isUuid(value)) {
      String shown = Untrusted.text(value, MAX_ECHO);
      throw new IllegalArgumentException(
          name
              + " must be a UUID such as 550e8400-e29b-41d4-a716-446655440000, was '"
              + shown
              + "'");
    }
    return value;
  }

  /**
   * Returns whether a string is a UUID in canonical form.
   *
   * @param value the string, may be null
   * @return true for a UUID
   */
  public static boolean isUuid(String value) {
    return value != null && UUID.matcher(value).matches();
  }
}
