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
            AsyncJobParser.parse(mutated, AdverseMediaResult.class, "GET /v1/async-jobs/x");
        AsyncJob<JsonNode> raw = AsyncJobParser.parse(mutated, JsonNode.class, "GET /v1/async-jobs/x");
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
}
