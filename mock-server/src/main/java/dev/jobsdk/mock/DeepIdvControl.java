package dev.jobsdk.mock;

/**
 * Scripts and organisations of the mock's DeepIDV API. Obtained from {@link MockJobServer#deepIdv()};
 * not meant to be implemented outside the mock server.
 *
 * <p>Organisations: {@link MockCredentials#DEEPIDV_ORG_A_KEY} and {@link MockCredentials#DEEPIDV_ORG_B_KEY},
 * both with balance, plus any added with {@link #addOrg(String)}. A job created over HTTP takes the next
 * queued lifecycle, else the default one set here, else a seeded default of 30-60 seconds in total
 * ({@code searching}, {@code corroborating}, {@code scoring}).
 */
public interface DeepIdvControl {

  /**
   * Sets the lifecycle of every job created from now on that has no queued one.
   *
   * @param lifecycle the lifecycle, or {@code null} for the seeded defaults
   * @return this
   */
  DeepIdvControl defaultLifecycle(Lifecycle lifecycle);

  /**
   * Queues a lifecycle for the next job created (first in, first out).
   *
   * @param lifecycle the lifecycle
   * @return this
   */
  DeepIdvControl nextJob(Lifecycle lifecycle);

  /**
   * Creates an adverse-media screening job directly (subject Jane Doe), without HTTP and without a
   * balance check.
   *
   * @param apiKey the owning organisation's API key
   * @param lifecycle the lifecycle, or {@code null} to take the next queued or default one
   * @return the job id
   */
  String createJob(String apiKey, Lifecycle lifecycle);

  /**
   * Gives or takes an organisation's balance; without it, creating a screening answers 402 with the
   * plain text {@code Insufficient funds or subscription.}
   *
   * @param apiKey the organisation's API key
   * @param hasBalance whether it can create jobs
   * @return this
   */
  DeepIdvControl setBalance(String apiKey, boolean hasBalance);

  /**
   * Adds an organisation with balance.
   *
   * @param apiKey its API key
   * @return this
   */
  DeepIdvControl addOrg(String apiKey);
}
