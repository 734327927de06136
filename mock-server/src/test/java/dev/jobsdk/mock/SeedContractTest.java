package dev.jobsdk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every documented example response (src/test/resources/seeds, copied from the vendors' docs), the
 * mock's response for the same state has every field of the example with the same JSON type.
 */
class SeedContractTest {

  private static final String PAID = "Bearer " + MockCredentials.DEEPCURRENT_PAID_KEY;
  private static final Lifecycle BD = Lifecycle.builder().queued(Duration.ofSeconds(5))
      .stage("contact_discovery", Duration.ofSeconds(60), "Discovering contacts at 2 companies...")
      .stage("email_verify", Duration.ofSeconds(60), "Verifying 14 email addresses...").build();
  private static final Lifecycle RISK = Lifecycle.builder().queued(Duration.ofSeconds(1))
      .stage("invoking_model", Duration.ofSeconds(4)).build();
  /** Fields the reference documents as nullable: either side may be null. */
  private static final Set<String> NULLABLE = Set.of("result_id", "error_message", "started_at", "completed_at",
      "preset", "result", "error", "startedAt", "completedAt");

  static Stream<Arguments> seeds() {
    Map<String, Function<MockJobServer, JsonNode>> states = Map.of(
        "bd-job-running.json", server -> bdJob(server, 70, ""),
        "bd-job-completed.json", server -> bdJob(server, 200, ""),
        "bd-job-result-completed.json", server -> bdJob(server, 200, "/result"),
        "growth-run-running.json", server -> growthRun(server, 40),
        "growth-run-completed.json", server -> growthRun(server, 300),
        "deepidv-async-job-ready.json", SeedContractTest::deepIdvReady,
        "riskjobs-job-processing.json", server -> riskJob(server, RISK, 2),
        "riskjobs-job-completed.json", server -> riskJob(server, RISK, 5),
        "riskjobs-job-failed.json", server -> riskJob(server, RISK.toBuilder().fail("Bedrock API error").build(), 15));
    return states.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void mockResponse_hasEverySeedFieldWithTheSameJsonType(String seedFile, Function<MockJobServer, JsonNode> state) {
    JsonNode seed = read(seedFile);
    try (MockJobServer server = MockJobServer.builder().start()) {
      JsonNode actual = state.apply(server);
      List<String> problems = new ArrayList<>();
      compare("$", null, seed, actual, problems);
      assertThat(problems).as("%s vs %s", seed, actual).isEmpty();
    }
  }

  private static JsonNode bdJob(MockJobServer server, long seconds, String suffix) {
    String id = server.deepCurrent().createBdJob(MockCredentials.DEEPCURRENT_PAID_KEY, "full_pipeline", BD);
    server.clock().advance(Duration.ofSeconds(seconds));
    return new Http(server).get("/api/v1/bd/jobs/" + id + suffix, "Authorization", PAID).json();
  }

  private static JsonNode growthRun(MockJobServer server, long seconds) {
    String id = server.deepCurrent().createGrowthRun(MockCredentials.DEEPCURRENT_PAID_KEY, null);
    server.clock().advance(Duration.ofSeconds(seconds));
    return new Http(server).get("/api/v1/growth/runs/" + id, "Authorization", PAID).json();
  }

  private static JsonNode deepIdvReady(MockJobServer server) {
    String id = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY, null);
    server.clock().advance(Duration.ofSeconds(60));
    return new Http(server).get("/v1/async-jobs/" + id, "x-api-key", MockCredentials.DEEPIDV_ORG_A_KEY).json();
  }

  private static JsonNode riskJob(MockJobServer server, Lifecycle lifecycle, long seconds) {
    String id = server.riskTool().createJob(MockCredentials.RISK_ADMIN_EMAIL, "AI_PREVIEW", lifecycle);
    Http http = new Http(server);
    String token = http.post("/api/auth/login", "{\"email\":\"admin@example.com\",\"password\":\"admin-password\"}")
        .json().get("accessToken").asText();
    server.clock().advance(Duration.ofSeconds(seconds));
    return http.get("/api/jobs/" + id, "Authorization", "Bearer " + token).json();
  }

  private static void compare(String path, String field, JsonNode seed, JsonNode actual, List<String> problems) {
    if (actual == null || actual.isMissingNode()) {
      problems.add(path + " is missing");
      return;
    }
    boolean nullable = field != null && NULLABLE.contains(field);
    if (seed.isNull() || actual.isNull()) {
      if (seed.isNull() != actual.isNull() && !nullable) {
        problems.add(path + " is " + actual.getNodeType() + " but the seed has " + seed.getNodeType());
      }
      return;
    }
    if (seed.getNodeType() != actual.getNodeType()
        || (seed.isNumber() && seed.isIntegralNumber() != actual.isIntegralNumber())) {
      problems.add(path + " is " + actual.getNodeType() + " but the seed has " + seed.getNodeType());
      return;
    }
    if (seed.isObject()) {
      for (Map.Entry<String, JsonNode> entry : seed.properties()) {
        compare(path + "." + entry.getKey(), entry.getKey(), entry.getValue(), actual.get(entry.getKey()), problems);
      }
    } else if (seed.isArray() && !seed.isEmpty()) {
      if (actual.isEmpty()) {
        problems.add(path + " is empty but the seed has items");
      }
      for (int i = 0; i < actual.size(); i++) {
        compare(path + "[" + i + "]", field, seed.get(0), actual.get(i), problems);
      }
    }
  }

  private static JsonNode read(String name) {
    try (InputStream in = SeedContractTest.class.getResourceAsStream("/seeds/" + name)) {
      assertThat(in).as(name).isNotNull();
      return Http.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
