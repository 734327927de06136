package dev.jobsdk.deepidv.internal;

import dev.jobsdk.core.testkit.JsonMutator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.AsyncJob;
import dev.jobsdk.deepidv.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: any mutation of a documented DeepIDV async-job answer decodes to a model (with a typed
 * result or none) or fails with an InvalidResponseException, never another exception.
 */
class AsyncJobParserPropertiesTest {
  static final int TRIES = 500;

  @ParameterizedTest
  @ValueSource(strings = {"async-job-ready-full.json", "deepidv-async-job-ready.json"})
  void mutatedAnswers_decodeOrFailTyped(String seedFile) {
    JsonNode doc = Fixtures.json(seedFile);
    int models = 0;
    for (int i = 0; i < TRIES; i++) {
      long seed = seedFile.hashCode() * 31L + i;
      JsonNode mutated = new JsonMutator(seed).mutate(doc);
      try {
        AsyncJob<AdverseMediaResult> job =
            TreeParse.parse(mutated, AdverseMediaResult.class, "GET /v1/async-jobs/x");
        AsyncJob<JsonNode> raw = TreeParse.parse(mutated, JsonNode.class, "GET /v1/async-jobs/x");
        assertThat(job.jobId()).isEqualTo(raw.jobId());
        String.valueOf(job);
        models++;
      } catch (InvalidResponseException expected) {
        assertThat(expected.getMessage()).hasSizeLessThan(2_100);
      } catch (RuntimeException | AssertionError other) {
        String s = mutated.toString();
        fail("seed " + seed + ": " + other + " for " + (s.length() > 600 ? s.substring(0, 600) : s), other);
      }
    }
    assertThat(models).as("some mutations still decode").isPositive();
  }

  /**
   * The parser reads the bytes as sent, so broken JSON is its input too: any answer cut short, or
   * with bytes overwritten or inserted, decodes or fails with an InvalidResponseException.
   */
  @ParameterizedTest
  @ValueSource(strings = {"async-job-ready-full.json", "deepidv-async-job-ready.json"})
  void damagedBytes_decodeOrFailTyped(String seedFile) {
    byte[] doc = Fixtures.text(seedFile).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] alphabet = "{}[]\":,\\ 0123456789.eE-+truefalsnul\u00e9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.util.Random random = new java.util.Random(seedFile.hashCode());
    int models = 0;
    int failures = 0;
    for (int i = 0; i < TRIES; i++) {
      byte[] damaged;
      int at = random.nextInt(doc.length);
      switch (i % 3) {
        case 0 -> damaged = java.util.Arrays.copyOf(doc, at);
        case 1 -> {
          damaged = doc.clone();
          for (int k = 0; k < 1 + random.nextInt(3); k++) {
            damaged[random.nextInt(damaged.length)] = alphabet[random.nextInt(alphabet.length)];
          }
        }
        default -> {
          damaged = new byte[doc.length + 1];
          System.arraycopy(doc, 0, damaged, 0, at);
          damaged[at] = alphabet[random.nextInt(alphabet.length)];
          System.arraycopy(doc, at, damaged, at + 1, doc.length - at);
        }
      }
      try {
        AsyncJob<AdverseMediaResult> job =
            AsyncJobParser.parse(
                damaged, java.nio.charset.StandardCharsets.UTF_8, AdverseMediaResult.class, () -> "GET /v1/async-jobs/x");
        assertThat(job.rawJson()).contains(new String(damaged, java.nio.charset.StandardCharsets.UTF_8));
        models++;
      } catch (InvalidResponseException expected) {
        assertThat(expected.getMessage()).startsWith("GET /v1/async-jobs/x returned ").hasSizeLessThan(2_100);
        failures++;
      } catch (RuntimeException | AssertionError other) {
        fail("try " + i + ": " + other + " for " + new String(damaged, java.nio.charset.StandardCharsets.UTF_8), other);
      }
    }
    assertThat(models).as("some damaged answers still decode").isPositive();
    assertThat(failures).as("most damaged answers are refused").isPositive();
  }
}
