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

  @Test
  void createJob_ofEveryFamily_withAScriptedLifecycle(MockJobServer server) {
    Http http = new Http(server);
    Reply created = http.post("/__mock/jobs", "{\"family\":\"deepidv\",\"lifecycle\":{\"queuedSeconds\":5,"
        + "\"stages\":[{\"name\":\"searching\",\"seconds\":60,\"message\":\"Searching...\"},"
        + "{\"name\":\"review\",\"seconds\":30,\"status\":\"on_hold\"}],\"outcome\":\"fail\","
        + "\"message\":\"upstream timeout\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("vendor").asText()).isEqualTo("DEEPIDV");
    assertThat(created.json().get("owner").asText()).isEqualTo(ORG_A);
    server.clock().advance(Duration.ofSeconds(70));
    assertThat(http.get("/v1/async-jobs/" + id, "x-api-key", ORG_A).json().get("status").asText()).isEqualTo("on_hold");
    server.clock().advance(Duration.ofSeconds(30));
    JsonNode failed = http.get("/v1/async-jobs/" + id, "x-api-key", ORG_A).json();
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error").asText()).isEqualTo("upstream timeout");

    JsonNode bd = http.post("/__mock/jobs", "{\"family\":\"bd\",\"preset\":\"verify_existing_emails\"}").json();
    assertThat(bd.get("kind").asText()).isEqualTo("bd_job");
    assertThat(bd.get("owner").asText()).isEqualTo(MockCredentials.DEEPCURRENT_PAID_KEY);
    assertThat(http.post("/__mock/jobs", "{\"family\":\"growth\",\"lifecycle\":{\"seconds\":0}}").json()
        .get("status").asText()).isEqualTo("completed");
    JsonNode risk = http.post("/__mock/jobs", "{\"family\":\"jobs\",\"type\":\"report_generation\",\"owner\":\""
        + MockCredentials.RISK_USER_EMAIL + "\",\"lifecycle\":{\"outcome\":\"failAttempts\",\"attempts\":3}}").json();
    assertThat(risk.get("kind").asText()).isEqualTo("REPORT_GENERATION");
    assertThat(risk.get("status").asText()).isEqualTo("FAILED");
  }

  @Test
  void createJob_namesTheFieldThatIsWrong(MockJobServer server) {
    Http http = new Http(server);
    assertThat(http.post("/__mock/jobs", "{}").json().get("error").asText()).contains("\"family\" is required");
    assertThat(http.post("/__mock/jobs", "{\"family\":\"fax\"}").json().get("error").asText()).contains("unknown family");
    Reply badStage = http.post("/__mock/jobs", "{\"family\":\"bd\",\"lifecycle\":{\"stages\":[{\"name\":\"x\"}]}}");
    assertThat(badStage.status()).isEqualTo(400);
    assertThat(badStage.json().get("error").asText()).contains("lifecycle.stages[0].seconds");
    assertThat(http.post("/__mock/jobs", "{\"family\":\"jobs\",\"type\":\"NOPE\"}").status()).isEqualTo(400);
    assertThat(http.post("/__mock/jobs", "{\"family\":\"deepidv\",\"owner\":\"sk_unknown\"}").status()).isEqualTo(400);
    assertThat(server.jobs().list()).isEmpty();
  }

  @Test
  void faultContentType_cannotInjectHeaders(MockJobServer server) {
    Reply injected = new Http(server).post("/__mock/faults", "{\"path\":\"/v1/**\",\"status\":500,"
        + "\"body\":\"x\",\"contentType\":\"text/plain\\r\\nSet-Cookie: session=stolen\"}");
    assertThat(injected.status()).isEqualTo(400);
    assertThat(injected.json().get("error").asText()).contains("contentType must be a media type");
    assertThat(server.faults().list()).isEmpty();
    assertThat(new Http(server).get("/v1/async-jobs/x", "x-api-key", ORG_A).header("Set-Cookie")).isNull();
  }
}
