package dev.jobsdk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.mock.Http.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same seed and the same clock give byte-identical responses, across all three vendors. */
class DeterminismTest {

  private static final String PAID = "Bearer " + MockCredentials.DEEPCURRENT_PAID_KEY;
  private static final String ORG_A = MockCredentials.DEEPIDV_ORG_A_KEY;

  @Test
  void sameSeedAndClock_giveIdenticalBodies() {
    List<String> first = script(42);
    List<String> second = script(42);
    assertThat(first).hasSizeGreaterThan(40);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void anotherSeed_givesOtherIdsAndTimings() {
    assertThat(script(43)).isNotEqualTo(script(42));
  }

  private static List<String> script(long seed) {
    List<String> bodies = new ArrayList<>();
    try (MockJobServer server = MockJobServer.builder().seed(seed).start()) {
      Http http = new Http(server);
      String bd = record(bodies, http.post("/api/v1/bd/jobs", "{\"preset\":\"full_pipeline\"}", "Authorization", PAID))
          .get("job_id").asText();
      String screening = record(bodies, http.post("/v1/screening/adverse-media", "{\"email\":\"a@b.co\","
          + "\"firstName\":\"A\",\"lastName\":\"B\",\"dateOfBirth\":\"1980-05-05\"}", "x-api-key", ORG_A))
          .get("jobId").asText();
      String token = record(bodies, http.post("/api/auth/login",
          "{\"email\":\"admin@example.com\",\"password\":\"admin-password\"}")).get("accessToken").asText();
      String preview = record(bodies, http.post("/api/admin/prompts/preview",
          "{\"systemPrompt\":\"s\",\"userPromptTemplate\":\"t\"}", "Authorization", "Bearer " + token))
          .at("/data/jobId").asText();
      JsonNode plan = record(bodies, http.post("/api/v1/growth/resolve", "{\"goal_text\":\"find emails\"}",
          "Authorization", PAID)).get("goal_plan");
      JsonNode quote = record(bodies, http.post("/api/v1/growth/quote", "{\"goal_plan\":" + plan + "}",
          "Authorization", PAID));
      String run = record(bodies, http.post("/api/v1/growth/run", "{\"quote_token\":\""
          + quote.get("quote_token").asText() + "\",\"goal_plan\":" + quote.get("goal_plan") + "}",
          "Authorization", PAID)).get("run_id").asText();
      for (int step = 0; step < 10; step++) {
        record(bodies, http.get("/api/v1/bd/jobs/" + bd, "Authorization", PAID));
        record(bodies, http.get("/api/v1/growth/runs/" + run, "Authorization", PAID));
        record(bodies, http.get("/v1/async-jobs/" + screening, "x-api-key", ORG_A));
        record(bodies, http.get("/api/jobs/" + preview, "Authorization", "Bearer " + token));
        server.clock().advance(Duration.ofSeconds(45));
      }
      record(bodies, http.get("/api/v1/bd/jobs/" + bd + "/result", "Authorization", PAID));
      record(bodies, http.get("/api/v1/bd/jobs/" + bd + "/assets/verified_contacts", "Authorization", PAID));
      record(bodies, http.get("/api/jobs/" + screening, "Authorization", "Bearer " + token));
    }
    return bodies;
  }

  private static JsonNode record(List<String> bodies, Reply reply) {
    bodies.add(reply.status() + " " + reply.body());
    return reply.json();
  }
}
