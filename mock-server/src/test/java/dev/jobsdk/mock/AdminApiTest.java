package dev.jobsdk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.mock.Http.Reply;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockJobServerExtension.class)
class AdminApiTest {

  private static final String ORG_A = MockCredentials.DEEPIDV_ORG_A_KEY;

  @Test
  void index_listsTheRoutesAndSaysItIsTheMocksOwn(MockJobServer server) {
    Reply index = new Http(server).get("/__mock/");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.json().get("about").asText()).contains("belongs to no vendor");
    assertThat(new Http(server).get("/").json().get("admin").asText()).isEqualTo("/__mock/");
  }

  @Test
  void jobs_listAndForceState(MockJobServer server) {
    Http http = new Http(server);
    String id = server.deepIdv().createJob(ORG_A, null);
    JsonNode jobs = http.get("/__mock/jobs").json();
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).get("id").asText()).isEqualTo(id);
    assertThat(jobs.get(0).get("vendor").asText()).isEqualTo("DEEPIDV");
    assertThat(jobs.get(0).get("kind").asText()).isEqualTo("adverse_media");
    assertThat(jobs.get(0).get("status").asText()).isEqualTo("pending");

    Reply forced = http.post("/__mock/jobs/" + id + "/state", "{\"status\":\"ready\"}");
    assertThat(forced.status()).isEqualTo(200);
    assertThat(forced.json().get("status").asText()).isEqualTo("ready");
    assertThat(http.get("/v1/async-jobs/" + id, "x-api-key", ORG_A).json().get("status").asText()).isEqualTo("ready");
    assertThat(http.get("/__mock/jobs/" + id).json().get("status").asText()).isEqualTo("ready");

    assertThat(http.post("/__mock/jobs/" + id + "/state", "{\"status\":\"sideways\"}").status()).isEqualTo(400);
    assertThat(http.post("/__mock/jobs/nope/state", "{\"status\":\"failed\"}").status()).isEqualTo(404);
    assertThat(http.post("/__mock/jobs/" + id + "/state", "{}").status()).isEqualTo(400);
  }

  @Test
  void clock_advanceBySecondsOrIsoDuration_andSet(MockJobServer server) {
    Http http = new Http(server);
    assertThat(http.post("/__mock/clock/advance", "{\"seconds\": 90}").json().get("now").asText())
        .isEqualTo("2026-04-08T12:01:30Z");
    assertThat(http.post("/__mock/clock/advance", "{\"duration\": \"PT1H\"}").json().get("now").asText())
        .isEqualTo("2026-04-08T13:01:30Z");
    assertThat(http.post("/__mock/clock/set", "{\"now\": \"2026-05-01T00:00:00Z\"}").status()).isEqualTo(200);
    assertThat(server.clock().now()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    assertThat(http.get("/__mock/clock").json().get("external").asBoolean()).isFalse();
    assertThat(http.post("/__mock/clock/advance", "{\"seconds\": -1}").status()).isEqualTo(400);
    assertThat(http.post("/__mock/clock/advance", "{}").status()).isEqualTo(400);
  }

  @Test
  void clock_advanceIs409WhenTheServerFollowsAnExternalClock() {
    try (MockJobServer server = MockJobServer.builder()
        .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).start()) {
      Reply reply = new Http(server).post("/__mock/clock/advance", "{\"seconds\": 1}");
      assertThat(reply.status()).isEqualTo(409);
      assertThat(reply.json().get("error").asText()).contains("external clock");
    }
  }

  @Test
  void faults_addListAndDelete(MockJobServer server) {
    Http http = new Http(server);
    Reply added = http.post("/__mock/faults",
        "{\"method\":\"GET\",\"path\":\"/v1/async-jobs/*\",\"nth\":1,\"status\":429,\"retryAfterSeconds\":7}");
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("fault").asText()).isEqualTo("Fault[GET /v1/async-jobs/* nth(1) status(429) retryAfter(PT7S)]");
    Reply limited = http.get("/v1/async-jobs/x", "x-api-key", ORG_A);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("7");

    assertThat(http.post("/__mock/faults", "{\"path\":\"/v1/**\",\"action\":\"reset\"}").status()).isEqualTo(201);
    assertThat(http.get("/__mock/faults").json()).hasSize(2);
    assertThat(http.post("/__mock/faults", "{\"path\":\"/v1/**\"}").status()).isEqualTo(400);
    assertThat(http.post("/__mock/faults", "{\"path\":\"/v1/**\",\"action\":\"explode\"}").status()).isEqualTo(400);
    Reply injecting = http.post("/__mock/faults", "{\"path\":\"/v1/**\",\"status\":503,\"body\":\"x\","
        + "\"contentType\":\"text/plain\\r\\nSet-Cookie: stolen=1\"}");
    assertThat(injecting.status()).isEqualTo(400);
    assertThat(injecting.json().get("error").asText()).contains("contentType");
    assertThat(http.delete("/__mock/faults").status()).isEqualTo(204);
    assertThat(server.faults().list()).isEmpty();
  }

  @Test
  void journal_andReset(MockJobServer server) {
    Http http = new Http(server);
    String id = server.deepIdv().createJob(ORG_A, null);
    http.get("/v1/async-jobs/" + id, "x-api-key", ORG_A);
    server.clock().advance(Duration.ofMinutes(5));
    server.faults().add(Fault.on("*", "/nothing").status(500));
    server.deepCurrent().setCredits(MockCredentials.DEEPCURRENT_PAID_KEY, 3);

    JsonNode journal = http.get("/__mock/journal?jobId=" + id).json();
    assertThat(journal.get("requestCount").asLong()).isEqualTo(1);
    assertThat(journal.get("polls").asLong()).isEqualTo(1);
    assertThat(journal.get("authHeadersSeen").toString()).isEqualTo("[\"x-api-key\"]");

    assertThat(http.post("/__mock/reset", null).status()).isEqualTo(204);
    assertThat(server.jobs().list()).isEmpty();
    assertThat(server.faults().list()).isEmpty();
    assertThat(server.journal().requestCount()).isZero();
    assertThat(server.clock().now()).isEqualTo(MockJobServer.DEFAULT_START_TIME);
    assertThat(server.deepCurrent().credits(MockCredentials.DEEPCURRENT_PAID_KEY)).isEqualTo(10_000);
    assertThat(server.deepIdv().createJob(ORG_A, null)).isEqualTo(id);
  }

  @Test
  void unknownAdminRoutesAndMethods(MockJobServer server) {
    Http http = new Http(server);
    assertThat(http.get("/__mock/nothing").status()).isEqualTo(404);
    assertThat(http.delete("/__mock/jobs").status()).isEqualTo(405);
    assertThat(http.post("/__mock/clock/advance", "not json").status()).isEqualTo(400);
  }
}
