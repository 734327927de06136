package dev.jobsdk.examples;

import dev.jobsdk.core.JobScheduler;
import dev.jobsdk.deepcurrent.DeepCurrentClient;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.jobs.JobsClient;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the examples get their clients: the real APIs when a vendor's environment variables are
 * set, otherwise an embedded mock server (on a clock sped up {@value #TIME_SCALE} times, so that
 * minutes-long jobs finish in seconds) with its demo credentials.
 */
public final class Sandbox implements AutoCloseable {
  /** How much faster than real time the embedded mock server's clock runs. */
  public static final double TIME_SCALE = 120;

  private final Map<String, String> env;
  private final PrintStream notes;
  private final List<AutoCloseable> owned = new ArrayList<>();
  private final JobScheduler injected;
  private MockJobServer mock;
  private JobScheduler mockScheduler;

  private Sandbox(Map<String, String> env, PrintStream notes, MockJobServer mock, JobScheduler scheduler) {
    this.env = env;
    this.notes = notes;
    this.mock = mock;
    this.injected = scheduler;
  }

  /**
   * Uses the process environment, falling back to an embedded mock server.
   *
   * @return the sandbox
   */
  public static Sandbox fromEnvironment() {
    return new Sandbox(System.getenv(), System.err, null, null);
  }

  /**
   * Uses the given environment; where it has no credentials, the given mock server and scheduler.
   *
   * @param env environment variables
   * @param notes where to say which backend is used
   * @param mock a running mock server, or null to start one on demand
   * @param scheduler the scheduler for clients of that mock server, or null for a sped-up one
   * @return the sandbox
   */
  public static Sandbox of(Map<String, String> env, PrintStream notes, MockJobServer mock, JobScheduler scheduler) {
    return new Sandbox(env, notes, mock, scheduler);
  }

  /**
   * Returns the mock server, starting it on first use.
   *
   * @return the embedded mock server
   */
  public synchronized MockJobServer mock() {
    if (mock == null) {
      mock = MockJobServer.builder().timeScale(TIME_SCALE).start();
      owned.add(mock);
    }
    if (mockScheduler == null) {
      if (injected != null) {
        mockScheduler = injected;
      } else {
        AcceleratedScheduler accelerated = new AcceleratedScheduler(mock.clock(), TIME_SCALE);
        owned.add(accelerated);
        mockScheduler = accelerated;
      }
    }
    return mock;
  }

  /**
   * Returns the scheduler clients of the mock server must use.
   *
   * @return the scheduler
   */
  public synchronized JobScheduler mockScheduler() {
    mock();
    return mockScheduler;
  }

  private boolean has(String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }

  private <C extends AutoCloseable> C own(C client) {
    owned.add(0, client);
    return client;
  }

  /**
   * Returns a DeepCurrent client: from {@code DEEPCURRENT_API_KEY} (and {@code DEEPCURRENT_BASE_URL}),
   * else for the mock server's paid demo account.
   *
   * @return the client, closed with the sandbox
   */
  public DeepCurrentClient deepCurrent() {
    DeepCurrentClient.Builder b = DeepCurrentClient.builder();
    if (has(DeepCurrentClient.API_KEY_ENV)) {
      b.apiKey(env.get(DeepCurrentClient.API_KEY_ENV));
      if (has(DeepCurrentClient.BASE_URL_ENV)) {
        b.baseUrl(env.get(DeepCurrentClient.BASE_URL_ENV));
      }
    } else {
      notes.println("DEEPCURRENT_API_KEY is not set: using the embedded mock server");
      b.baseUrl(mock().deepCurrentBaseUrl()).apiKey(MockCredentials.DEEPCURRENT_PAID_KEY).scheduler(mockScheduler());
    }
    return own(b.build());
  }

  /**
   * Returns a DeepIDV client: from {@code DEEPIDV_API_KEY} (and {@code DEEPIDV_BASE_URL}), else for
   * the mock server's first demo org.
   *
   * @return the client, closed with the sandbox
   */
  public DeepIdvClient deepIdv() {
    DeepIdvClient.Builder b = DeepIdvClient.builder();
    if (has(DeepIdvClient.API_KEY_ENV)) {
      b.apiKey(env.get(DeepIdvClient.API_KEY_ENV));
      if (has(DeepIdvClient.BASE_URL_ENV)) {
        b.baseUrl(env.get(DeepIdvClient.BASE_URL_ENV));
      }
    } else {
      notes.println("DEEPIDV_API_KEY is not set: using the embedded mock server");
      b.baseUrl(mock().deepIdvBaseUrl()).apiKey(MockCredentials.DEEPIDV_ORG_A_KEY).scheduler(mockScheduler());
    }
    return own(b.build());
  }

  /**
   * Returns a Risk Intelligence Tool client: from {@code JOBS_BASE_URL} with {@code JOBS_TOKEN} or
   * {@code JOBS_EMAIL}/{@code JOBS_PASSWORD}, else logged in to the mock server as its demo admin.
   *
   * @return the client, closed with the sandbox
   */
  public JobsClient riskTool() {
    JobsClient.Builder b = JobsClient.builder();
    if (has(JobsClient.BASE_URL_ENV)) {
      b.baseUrl(env.get(JobsClient.BASE_URL_ENV));
      if (has(JobsClient.TOKEN_ENV)) {
        b.token(env.get(JobsClient.TOKEN_ENV));
      } else {
        b.login(env.getOrDefault(JobsClient.EMAIL_ENV, ""), env.getOrDefault(JobsClient.PASSWORD_ENV, ""));
      }
    } else {
      notes.println("JOBS_BASE_URL is not set: using the embedded mock server");
      b.baseUrl(mock().riskToolBaseUrl())
          .login(MockCredentials.RISK_ADMIN_EMAIL, MockCredentials.RISK_ADMIN_PASSWORD)
          .scheduler(mockScheduler());
    }
    return own(b.build());
  }

  /** Closes every client, the mock server and the scheduler this sandbox started. */
  @Override
  public void close() {
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing the rest matters more
      }
    }
    owned.clear();
  }
}
