package dev.jobsdk.deepcurrent.internal;

import dev.jobsdk.core.testkit.JsonMutator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.internal.Json;
import java.io.InputStream;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Property: any mutation of a documented DeepCurrent answer decodes to a model or fails with an
 * InvalidResponseException, never another exception. 400 seeded mutations per decoder; a failure
 * names the seed and the document, so it can be replayed.
 */
class DecoderPropertiesTest {
  static final int TRIES = 400;

  static JsonNode seed(String name) throws Exception {
    try (InputStream in = DecoderPropertiesTest.class.getResourceAsStream("/seeds/" + name)) {
      return Json.MAPPER.readTree(in);
    }
  }

  static Function<JsonNode, Object> decoder(String name) {
    return switch (name) {
      case "bdJob" -> n -> Decoder.bdJob(n, "GET /api/v1/bd/jobs/x");
      case "bdJobResult" -> n -> Decoder.bdJobResult(n, "GET /api/v1/bd/jobs/x/result");
      case "growthRun" -> n -> Decoder.growthRun(n, "GET /api/v1/growth/runs/x");
      case "growthQuote" -> n -> Decoder.growthQuote(n, "POST /api/v1/growth/quote");
      case "growthResolution" -> n -> Decoder.growthResolution(n, "POST /api/v1/growth/resolve");
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource({
    "bdJob, bd-job-running.json",
    "bdJob, bd-job-completed.json",
    "bdJobResult, bd-job-result-completed.json",
    "growthRun, growth-run-running.json",
    "growthRun, growth-run-completed.json",
    "growthQuote, growth-run-completed.json",
    "growthResolution, growth-run-running.json",
  })
  void mutatedAnswers_decodeOrFailTyped(String decoderName, String seedFile) throws Exception {
    JsonNode doc = seed(seedFile);
    Function<JsonNode, Object> decode = decoder(decoderName);
    int models = 0;
    for (int i = 0; i < TRIES; i++) {
      long seed = decoderName.hashCode() * 31L + i;
      JsonNode mutated = new JsonMutator(seed).mutate(doc);
      try {
        Object model = decode.apply(mutated);
        assertThat(model).isNotNull();
        String.valueOf(model); // toString() of any decoded model works too
        models++;
      } catch (InvalidResponseException expected) {
        assertThat(expected.getMessage()).hasSizeLessThan(2_100);
      } catch (RuntimeException | AssertionError other) {
        fail("seed " + seed + ": " + other + " for " + cut(mutated), other);
      }
    }
    assertThat(models).as("some mutations still decode").isPositive();
  }

  static String cut(JsonNode n) {
    String s = n.toString();
    return s.length() > 600 ? s.substring(0, 600) + "…" : s;
  }
}
