package dev.jobsdk.core.internal;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks of credentials and of the environment variables they come from, shared by every client
 * builder. A bad credential is an {@link IllegalArgumentException} from the builder's setter; a
 * missing or bad environment variable is an {@link IllegalStateException} naming the variable. No
 * message ever contains the credential.
 */
public final class Credentials {
  private Credentials() {}

  /**
   * Checks a credential that travels in a header: not blank, and visible ASCII only (no spaces,
   * line breaks or control characters, which would corrupt the header).
   *
   * @param value the credential
   * @param name the parameter's name, for the message
   * @return the credential
   * @throws IllegalArgumentException if it is null, blank or has other characters
   */
  public static String headerSafe(String value, String name) {
    Checks.notBlank(value, name);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(
            name + " must contain only visible ASCII characters (no spaces or line breaks)");
      }
    }
    return value;
  }

  /**
   * Returns whether a token has the form of a JWT: three non-empty base64url segments separated
   * by dots.
   *
   * @param token the token
   * @return whether it looks like a JWT
   */
  public static boolean isJwt(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty()) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        boolean b64url =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '=';
        if (!b64url) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Reads a variable: its value stripped, or null when it is unset or blank.
   *
   * @param env the environment
   * @param name the variable
   * @return the value, or null
   */
  public static String variable(Function<String, String> env, String name) {
    String value = env.apply(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * Reads a variable that must be set.
   *
   * @param env the environment
   * @param name the variable
   * @return the stripped value
   * @throws IllegalStateException if it is unset or blank
   */
  public static String require(Function<String, String> env, String name) {
    String value = variable(env, name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set");
    }
    return value;
  }

  /**
   * Passes a variable's value to a builder setter, if it is set; a value the setter rejects is an
   * {@link IllegalStateException} naming the variable.
   *
   * @param env the environment
   * @param name the variable
   * @param setter the builder's setter
   * @return whether the variable was set
   * @throws IllegalStateException if the setter rejects the value
   */
  public static boolean apply(
      Function<String, String> env, String name, Consumer<String> setter) {
    String value = variable(env, name);
    if (value == null) {
      return false;
    }
    try {
      setter.accept(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + " is not valid: " + e.getMessage());
    }
    return true;
  }
}
