package dev.jobsdk.examples;

import dev.jobsdk.core.WaitOptions;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.PaymentRequiredException;
import dev.jobsdk.deepidv.AdverseMediaRequest;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.AdverseMediaScreening;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.deepidv.JobExpiredException;

/**
 * Screens a person for adverse media with DeepIDV and prints the typed result.
 *
 * <p>Uses {@code DEEPIDV_API_KEY} (and {@code DEEPIDV_BASE_URL}) when set, otherwise an embedded
 * mock server.
 */
public final class AdverseMediaExample {
  private AdverseMediaExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (Sandbox sandbox = Sandbox.fromEnvironment()) {
      run(sandbox.deepIdv());
    }
  }

  static AdverseMediaResult run(DeepIdvClient client) {
    // README:BEGIN deepidv
    AdverseMediaRequest request = AdverseMediaRequest.builder()
        .email("jane.doe@example.com").firstName("Jane").lastName("Doe")
        .dateOfBirth("1985-04-12")   // or a LocalDate
        .country("ca")               // sent as "CA"
        .build();                    // IllegalArgumentException naming the field if invalid
    try {
      AdverseMediaScreening screening = client.screening().adverseMedia(request);
      AdverseMediaResult result = screening.awaitCompletion(WaitOptions.of(
          DeepIdvClient.DEFAULT_POLLING_POLICY,
          job -> System.out.println(job.rawStatus() + " at " + job.updatedAt())));
      System.out.println(result.riskLevel() + " (" + result.riskScore() + "/100): " + result.summary());
      System.out.println("financial crime hits: " + result.exposuresByCategory().financialCrime().hits());
      result.findings().forEach(f -> System.out.println(f.severity() + " " + f.title()));
      return result;
    } catch (PaymentRequiredException e) {   // 402, plain-text reason
      System.err.println("no balance: " + e.errorMessage().orElse(""));
    } catch (JobFailedException e) {         // the job ended "failed"
      System.err.println("screening failed: " + e.snapshot().errorMessage().orElse("?"));
    } catch (JobExpiredException e) {        // 404 after it was seen: the TTL passed
      System.err.println(e.getMessage());
    }
    // README:END deepidv
    return null;
  }
}
