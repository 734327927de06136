package dev.jobsdk.jobs.internal;

import dev.jobsdk.core.testkit.JsonMutator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.jobs.Job;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Property: any mutation of a documented Risk-tool job row decodes to a job whose typed results
 * read or fail with an InvalidResponseException, and any mutation of a create answer yields a job
 * id or that exception; never another exception.
 */
class JobJsonPropertiesTest {
  static final int TRIES = 400;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "AI_PREVIEW|{\"output\": \"text\", \"tokensUsed\": 10, \"processingTime\": 3}",
        "REPORT_GENERATION|{\"assessmentId\": \"a\", \"pdfKey\": \"k\", \"downloadUrl\": \"https://s3.example.com/r.pdf?X-Amz-Signature=abc\"}",
        "RISK_ANALYSIS|{\"assessmentId\": \"a\", \"categoriesScored\": 7, \"overallScore\": 61.5}",
        "GAP_DETECTION|{\"assessmentId\": \"a\", \"gapFieldsCreated\": 4}",
        "PARSE_DOCUMENT|{\"pages\": 2, \"textContent\": \"t\", \"tables\": [], \"metadata\": {}}",
      })
  void mutatedJobs_decodeOrFailTyped(String type, String result) throws Exception {
    JsonNode doc = Json.MAPPER.readTree(TestJobs.row(type, "COMPLETED", 1, result));
    int models = 0;
    for (int i = 0; i < TRIES; i++) {
      long seed = type.hashCode() * 31L + i;
      JsonNode mutated = new JsonMutator(seed).mutate(doc);
      try {
        Job job = JobJson.parse(mutated, "GET /api/jobs/x");
        readEverything(job);
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

  /** Reads the typed result of the job's own type: present, absent, or an InvalidResponseException. */
  static void readEverything(Job job) {
    String.valueOf(job);
    job.state();
    job.progress();
    Runnable read =
        switch (job.type()) {
          case AI_PREVIEW -> job::aiPreviewResult;
          case PARSE_DOCUMENT -> job::parseDocumentResult;
          case GAP_DETECTION -> job::gapDetectionResult;
          case RISK_ANALYSIS -> job::riskAnalysisResult;
          case REPORT_GENERATION -> () -> job.reportGenerationResult().map(String::valueOf);
          case UNKNOWN -> () -> {};
        };
    try {
      read.run();
    } catch (InvalidResponseException typed) {
      // a result of the wrong shape: the documented outcome
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"data\": {\"jobId\": \"550e8400-e29b-41d4-a716-446655440000\", \"status\": \"PROCESSING\"}}",
        "{\"jobId\": \"550e8400-e29b-41d4-a716-446655440000\"}",
      })
  void mutatedCreateAnswers_giveAnIdOrFailTyped(String answer) throws Exception {
    JsonNode doc = Json.MAPPER.readTree(answer);
    for (int i = 0; i < TRIES; i++) {
      long seed = answer.hashCode() * 31L + i;
      JsonNode mutated = new JsonMutator(seed).mutate(doc);
      try {
        assertThat(JobIds.parse(mutated, "POST /api/admin/prompts/preview")).hasSize(36);
      } catch (InvalidResponseException expected) {
        assertThat(expected.getMessage()).hasSizeLessThan(2_100);
      } catch (RuntimeException | AssertionError other) {
        fail("seed " + seed + ": " + other + " for " + mutated, other);
      }
    }
  }
}
