package dev.jobsdk.examples;

import dev.jobsdk.core.WaitOptions;
import dev.jobsdk.deepcurrent.DeepCurrentClient;
import dev.jobsdk.deepcurrent.GrowthQuote;
import dev.jobsdk.deepcurrent.GrowthRun;
import dev.jobsdk.deepcurrent.GrowthRunHandle;

/**
 * Resolves a DeepCurrent growth goal, quotes it, runs it and follows each stage to completion.
 *
 * <p>Uses {@code DEEPCURRENT_API_KEY} (and {@code DEEPCURRENT_BASE_URL}) when set, otherwise an
 * embedded mock server.
 */
public final class GrowthRunExample {
  private GrowthRunExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (Sandbox sandbox = Sandbox.fromEnvironment()) {
      run(sandbox.deepCurrent());
    }
  }

  static GrowthRun run(DeepCurrentClient client) {
    // README:BEGIN growth
    GrowthQuote quote = client.growth().quote(
        client.growth().resolve("Find verified emails for 100 DeFi founders").goalPlan());
    System.out.println("quote: " + quote.creditsTotal().orElse(0) + " credits, expires "
        + quote.expiry().map(String::valueOf).orElse("(no expiry given)"));

    GrowthRunHandle run = client.growth().run(quote);          // a quote token works once
    GrowthRun done = run.awaitCompletion(WaitOptions.of(DeepCurrentClient.DEFAULT_POLLING_POLICY, r ->
        System.out.println(r.rawStatus() + " " + r.progress().orElseThrow().stages())));

    System.out.println("delivered: " + done.preview().path("delivered_counts"));
    // README:END growth
    return done;
  }
}
