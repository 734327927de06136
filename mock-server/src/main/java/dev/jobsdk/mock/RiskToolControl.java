package dev.jobsdk.mock;

/**
 * Scripts and users of the mock's Risk Intelligence Tool API. Obtained from
 * {@link MockJobServer#riskTool()}; not meant to be implemented outside the mock server.
 *
 * <p>Users: {@link MockCredentials#RISK_USER_EMAIL}, {@link MockCredentials#RISK_ADMIN_EMAIL} (the
 * {@code admin} group) and {@link MockCredentials#RISK_NEW_USER_EMAIL} (whose first login answers the
 * {@code requiresPasswordChange} challenge), plus any added with
 * {@link #addUser(String, String, boolean, boolean)}. A parse job needs a document: uploaded with
 * {@code POST /api/assessments/{id}/documents} or added with {@link #addDocument(String, String, String)};
 * parsing any other document id answers 404 as the vendor does. Job types are
 * {@code AI_PREVIEW}, {@code PARSE_DOCUMENT}, {@code GAP_DETECTION}, {@code RISK_ANALYSIS} and
 * {@code REPORT_GENERATION}. A job created over HTTP takes the next queued lifecycle for its type, else
 * the next queued one for any type, else the default for its type, else a seeded default of seconds to a
 * minute. Failing attempts return the job to {@code PENDING} until {@code maxAttempts} (3).
 */
public interface RiskToolControl {

  /**
   * Sets the lifecycle of every job of a type created from now on that has no queued one.
   *
   * @param type a job type, e.g. {@code AI_PREVIEW}
   * @param lifecycle the lifecycle, or {@code null} for the seeded defaults
   * @return this
   */
  RiskToolControl defaultLifecycle(String type, Lifecycle lifecycle);

  /**
   * Queues a lifecycle for the next job created, whatever its type.
   *
   * @param lifecycle the lifecycle
   * @return this
   */
  RiskToolControl nextJob(Lifecycle lifecycle);

  /**
   * Queues a lifecycle for the next job of a type (checked before the untyped queue).
   *
   * @param type a job type
   * @param lifecycle the lifecycle
   * @return this
   */
  RiskToolControl nextJob(String type, Lifecycle lifecycle);

  /**
   * Creates a job directly, without HTTP. A {@code PARSE_DOCUMENT} job chains a {@code GAP_DETECTION}
   * job as the HTTP route does.
   *
   * @param email the owning user's email
   * @param type a job type
   * @param lifecycle the lifecycle, or {@code null} to take the next queued or default one
   * @return the job id
   */
  String createJob(String email, String type, Lifecycle lifecycle);

  /**
   * Registers a document as {@code POST /api/assessments/{id}/documents} does, so that a test can start
   * a parse job without uploading.
   *
   * @param email the owning user's email
   * @param assessmentId the assessment (a UUID)
   * @param fileName the file's name, e.g. {@code business-plan.pdf}
   * @return the document id parse jobs take
   */
  String addDocument(String email, String assessmentId, String fileName);

  /**
   * Adds a user whose password is permanent.
   *
   *
   * @param email the login email
   * @param password the password (at least 8 characters, as the API validates)
   * @param admin whether the user is in the {@code admin} group
   * @return this
   */
  RiskToolControl addUser(String email, String password, boolean admin);

  /**
   * Adds a user. One who must change the password gets the first-login challenge
   * ({@code requiresPasswordChange}, {@code session}, {@code username}) from every login until
   * {@code POST /api/auth/complete-password-change} sets a new password.
   *
   * @param email the login email
   * @param password the (temporary) password, at least 8 characters
   * @param admin whether the user is in the {@code admin} group
   * @param mustChangePassword whether logins answer the first-login challenge
   * @return this
   */
  RiskToolControl addUser(String email, String password, boolean admin, boolean mustChangePassword);

  /**
   * Returns the user id ({@code createdById} of the user's jobs, {@code sub} of their tokens).
   *
   * @param email the login email
   * @return the user's UUID
   */
  String userId(String email);
}
