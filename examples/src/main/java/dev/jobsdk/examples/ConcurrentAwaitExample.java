package dev.jobsdk.examples;

import dev.jobsdk.deepidv.AdverseMediaRequest;
import dev.jobsdk.deepidv.AdverseMediaScreening;
import dev.jobsdk.deepidv.DeepIdvClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts 1,000 DeepIDV screenings and awaits them all at once through one client, printing each
 * as it finishes. No thread is held per wait: the client's one scheduler polls them all.
 *
 * <p>Uses {@code DEEPIDV_API_KEY} (and {@code DEEPIDV_BASE_URL}) when set, otherwise an embedded
 * mock server. (The real API allows 25 requests a second; 429s are retried after their
 * Retry-After.)
 */
public final class ConcurrentAwaitExample {
  private ConcurrentAwaitExample() {}

  /**
   * Runs the example.
   *
   * @param args optionally, how many screenings to start (default 1,000)
   */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    try (Sandbox sandbox = Sandbox.fromEnvironment()) {
      int[] outcome = run(sandbox.deepIdv(), count).join();
      System.out.printf("%d succeeded, %d failed%n", outcome[0], outcome[1]);
    }
  }

  /** Starts {@code count} screenings; the future completes with {succeeded, failed} when all end. */
  static CompletableFuture<int[]> run(DeepIdvClient client, int count) {
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> waits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      AdverseMediaScreening screening = client.screening().adverseMedia(AdverseMediaRequest.builder()
          .email("person" + i + "@example.com").firstName("Person").lastName("Number " + i)
          .dateOfBirth("1980-01-01").build());
      waits.add(screening.awaitCompletionAsync().handle((result, error) -> {
        int n = finished.incrementAndGet();
        if (error != null) {
          failed.incrementAndGet();
          System.out.printf("%4d/%d %s failed: %s%n", n, count, screening.id(), error.getMessage());
        } else {
          System.out.printf("%4d/%d %s %s risk%n", n, count, screening.id(), result.riskLevel());
        }
        return null;
      }));
    }
    return CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
        .thenApply(done -> new int[] {count - failed.get(), failed.get()});
  }
}
