package dev.jobsdk.jobs;

import dev.jobsdk.core.JobSdkException;
import java.util.Optional;

/**
 * The login succeeded, but the account must set a new password before it may use the API: the
 * server answered {@code POST /api/auth/login} with its first-login challenge ({@code
 * requiresPasswordChange}). Build the client with {@link JobsClient.Builder#newPassword(String)}
 * to answer the challenge with a password of your choice (or change it in the Risk Intelligence
 * Tool's web app) and log in with the new one. Retrying with the same password does not help.
 */
public class PasswordChangeRequiredException extends JobSdkException {
  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  private final String username;

  /**
   * Creates the exception.
   *
   * @param username the account the server named in its challenge, or null
   */
  public PasswordChangeRequiredException(String username) {
    super(
        "The Risk Intelligence Tool requires a new password for this account before it can use"
            + " the API (first-login challenge on POST /api/auth/login); set one with"
            + " JobsClient.builder().login(email, password).newPassword(..) or in the web app");
    this.username = username;
  }

  /**
   * Returns the account the challenge is for, as the server named it (usually the email).
   *
   * @return the username, or empty if the server sent none
   */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }
}
