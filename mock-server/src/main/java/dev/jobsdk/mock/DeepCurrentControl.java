package dev.jobsdk.mock;

/**
 * Scripts and accounts of the mock's DeepCurrent API. Obtained from {@link MockJobServer#deepCurrent()};
 * not meant to be implemented outside the mock server.
 *
 * <p>Accounts: {@link MockCredentials#DEEPCURRENT_PAID_KEY} (paid subscription, 10,000 credits) and
 * {@link MockCredentials#DEEPCURRENT_FREE_KEY} (free tier, 100 credits), plus any added with
 * {@link #addAccount(String, boolean)}. A BD job costs 1 credit and a growth run its quote's
 * {@code credits_total} (invented by the mock: the real prices are not documented).
 *
 * <p>A job created over HTTP takes the next queued lifecycle ({@link #nextBdJob(Lifecycle)}), else the
 * default one set here, else a seeded realistic default: minutes across the preset's capability stages
 * with messages such as {@code "Discovering contacts at 2 companies..."}; growth runs go through
 * {@code email_lookup} and {@code email_verify}.
 */
public interface DeepCurrentControl {

  /**
   * Sets the lifecycle of every BD job created from now on that has no queued one.
   *
   * @param lifecycle the lifecycle, or {@code null} for the seeded defaults
   * @return this
   */
  DeepCurrentControl defaultBdLifecycle(Lifecycle lifecycle);

  /**
   * Queues a lifecycle for the next BD job created (first in, first out).
   *
   * @param lifecycle the lifecycle
   * @return this
   */
  DeepCurrentControl nextBdJob(Lifecycle lifecycle);

  /**
   * Creates a BD job directly, without HTTP and without subscription or credit checks.
   *
   * @param apiKey the owning account's API key
   * @param preset one of {@code full_pipeline}, {@code verify_existing_emails},
   *     {@code company_size_and_email_verify}, {@code enrich_contacts_from_companies}
   * @param lifecycle the lifecycle, or {@code null} to take the next queued or default one
   * @return the job id
   */
  String createBdJob(String apiKey, String preset, Lifecycle lifecycle);

  /**
   * Sets the lifecycle of every growth run created from now on that has no queued one.
   *
   * @param lifecycle the lifecycle (its stage names become {@code stage_status} keys), or {@code null}
   *     for the seeded defaults
   * @return this
   */
  DeepCurrentControl defaultGrowthLifecycle(Lifecycle lifecycle);

  /**
   * Queues a lifecycle for the next growth run created (first in, first out).
   *
   * @param lifecycle the lifecycle
   * @return this
   */
  DeepCurrentControl nextGrowthRun(Lifecycle lifecycle);

  /**
   * Creates a growth run directly (100 rows, as if quoted at 450 credits), without HTTP and without
   * subscription, quote or credit checks.
   *
   * @param apiKey the owning account's API key
   * @param lifecycle the lifecycle, or {@code null} to take the next queued or default one
   * @return the run id (also a BD job id)
   */
  String createGrowthRun(String apiKey, Lifecycle lifecycle);

  /**
   * Sets an account's credit balance; with too few credits, BD create and growth run answer 402.
   *
   * @param apiKey the account's API key
   * @param credits the new balance; not negative
   * @return this
   */
  DeepCurrentControl setCredits(String apiKey, int credits);

  /**
   * Returns an account's credit balance.
   *
   * @param apiKey the account's API key
   * @return the balance
   */
  int credits(String apiKey);

  /**
   * Adds an account (10,000 credits), for tenancy tests beyond the two demo accounts.
   *
   * @param apiKey its API key; must start with {@code dc_}
   * @param paidSubscription whether it has a paid subscription
   * @return this
   */
  DeepCurrentControl addAccount(String apiKey, boolean paidSubscription);
}
