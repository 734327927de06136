package dev.jobsdk.examples;

import dev.jobsdk.core.AwaitAllOptions;
import dev.jobsdk.core.JobGroup;
import dev.jobsdk.core.JobGroupListener;
import dev.jobsdk.core.JobOutcome;
import dev.jobsdk.deepidv.AdverseMediaRequest;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.AdverseMediaScreening;
import dev.jobsdk.deepidv.AsyncJob;
import dev.jobsdk.deepidv.DeepIdvClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts a batch of DeepIDV screenings and consumes each as it finishes, with {@code
 * client.awaitAll(...)}: one listener for the batch, each failure reported as that screening's
 * outcome, a deadline for the whole batch, and cancel-all once too many have failed.
 *
 * <p>Uses {@code DEEPIDV_API_KEY} (and {@code DEEPIDV_BASE_URL}) when set, otherwise an embedded
 * mock server.
 */
public final class AwaitManyExample {
  private AwaitManyExample() {}

  /** What the batch came to. */
  record Summary(int succeeded, int failed, int cancelled, List<String> order) {}

  /**
   * Runs the example.
   *
   * @param args optionally, how many screenings to start (default 50)
   */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    try (Sandbox sandbox = Sandbox.fromEnvironment()) {
      Summary s = run(sandbox.deepIdv(), count, 5);
      System.out.printf("%d succeeded, %d failed, %d cancelled%n", s.succeeded(), s.failed(), s.cancelled());
    }
  }

  /** Screens {@code count} people; stops waiting once {@code maxFailures} screenings failed. */
  static Summary run(DeepIdvClient client, int count, int maxFailures) {
    List<AdverseMediaScreening> screenings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      screenings.add(client.screening().adverseMedia(AdverseMediaRequest.builder()
          .email("person" + i + "@example.com").firstName("Person").lastName("Number " + i)
          .dateOfBirth("1980-01-01").build()));
    }
    AtomicInteger updates = new AtomicInteger();
    JobGroupListener<AsyncJob<AdverseMediaResult>, AdverseMediaResult> listener = new JobGroupListener<>() {
      @Override
      public void onProgress(AsyncJob<AdverseMediaResult> job) {
        updates.incrementAndGet();   // every status change of every screening, in one place
      }
    };
    // README:BEGIN awaitall
    AwaitAllOptions options = AwaitAllOptions.builder().deadline(Duration.ofMinutes(15)).build();
    int succeeded = 0;
    int failed = 0;
    int cancelled = 0;
    List<String> order = new ArrayList<>();
    try (JobGroup<AsyncJob<AdverseMediaResult>, AdverseMediaResult> batch =
        client.awaitAll(screenings, options, listener)) {
      for (JobOutcome<AsyncJob<AdverseMediaResult>, AdverseMediaResult> done : batch) { // as each ends
        order.add(done.jobId());
        switch (done.status()) {
          case SUCCEEDED -> {
            succeeded++;
            System.out.printf("%s: %s risk%n", done.jobId(), done.result().orElseThrow().riskLevel());
          }
          case FAILED -> {
            failed++;
            System.out.printf("%s failed: %s%n", done.jobId(), done.failure().orElseThrow().getMessage());
            if (failed == maxFailures) {
              System.out.printf("%d failures: cancelling the %d waits left%n", failed, batch.remaining());
              batch.cancelAll();
            }
          }
          case CANCELLED -> cancelled++;
        }
      }
    }
    // README:END awaitall
    System.out.printf("%d status updates heard%n", updates.get());
    return new Summary(succeeded, failed, cancelled, order);
  }
}
