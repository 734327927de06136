package dev.jobsdk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.mock.internal.Journal;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockJobServerExtension.class)
class JournalTest {

  private static final String PAID = MockCredentials.DEEPCURRENT_PAID_KEY;

  @Test
  void countsRequests_totalAndByMethodAndGlob(MockJobServer server) {
    Http http = new Http(server);
    http.get("/v1/async-jobs/a", "x-api-key", "k");
    http.get("/v1/async-jobs/b", "x-api-key", "k");
    http.post("/v1/screening/adverse-media", "{}", "x-api-key", "k");
    http.get("/api/jobs/c?x=1");
    http.get("/__mock/jobs");
    JournalTest.assertCounts(server.journal());
  }

  private static void assertCounts(MockJournal journal) {
    assertThat(journal.requestCount()).isEqualTo(4);
    assertThat(journal.requestCount("GET", "/v1/async-jobs/*")).isEqualTo(2);
    assertThat(journal.requestCount("*", "/v1/**")).isEqualTo(3);
    assertThat(journal.requestCount("post", "/**")).isEqualTo(1);
    assertThat(journal.requestCount("GET", "/api/jobs/c")).isEqualTo(1);
    assertThat(journal.requestCount("GET", "/__mock/**")).isZero();
  }

  @Test
  void pollsOf_andRequestsAfterTerminal_countOnlyStatusPollsOfThatJob(MockJobServer server) {
    Http http = new Http(server);
    String id = server.deepCurrent().createBdJob(PAID, "full_pipeline", Lifecycle.succeedsAfter(Duration.ofSeconds(10)));
    http.get("/api/v1/bd/jobs/" + id, "Authorization", "Bearer " + PAID);
    http.get("/api/v1/bd/jobs/" + id, "Authorization", "Bearer " + PAID);
    server.clock().advance(Duration.ofSeconds(10));
    http.get("/api/v1/bd/jobs/" + id, "Authorization", "Bearer " + PAID);
    http.get("/api/v1/bd/jobs/" + id + "/result", "Authorization", "Bearer " + PAID);
    http.get("/api/v1/bd/jobs/" + id, "Authorization", "Bearer " + PAID);
    http.get("/api/v1/bd/jobs/" + id);
    assertThat(server.journal().pollsOf(id)).isEqualTo(5);
    assertThat(server.journal().requestsAfterTerminal(id)).isEqualTo(2);
    assertThat(server.journal().pollsOf("unknown")).isZero();
  }

  @Test
  void requestsAfterTerminal_isZeroForAClientThatStopsAtTheFirstTerminalAnswer(MockJobServer server) {
    Http http = new Http(server);
    String id = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY, Lifecycle.succeedsAfter(Duration.ofSeconds(6)));
    String status = "";
    while (!status.equals("ready")) {
      status = http.get("/v1/async-jobs/" + id, "x-api-key", MockCredentials.DEEPIDV_ORG_A_KEY).json()
          .get("status").asText();
      server.clock().advance(Duration.ofSeconds(2));
    }
    assertThat(server.journal().pollsOf(id)).isEqualTo(4);
    assertThat(server.journal().requestsAfterTerminal(id)).isZero();
  }

  @Test
  void aTerminalAnswerLostToAFault_isNotShown(MockJobServer server) {
    Http http = new Http(server);
    String id = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY, Lifecycle.succeedsAfter(Duration.ZERO));
    server.faults().add(Fault.on("GET", "/v1/async-jobs/*").times(1).malformedJson());
    http.get("/v1/async-jobs/" + id, "x-api-key", MockCredentials.DEEPIDV_ORG_A_KEY);
    http.get("/v1/async-jobs/" + id, "x-api-key", MockCredentials.DEEPIDV_ORG_A_KEY);
    http.get("/v1/async-jobs/" + id, "x-api-key", MockCredentials.DEEPIDV_ORG_A_KEY);
    assertThat(server.journal().pollsOf(id)).isEqualTo(3);
    assertThat(server.journal().requestsAfterTerminal(id)).isEqualTo(1);
  }

  @Test
  void authHeadersSeen_keepsNamesInTheirUsualSpellingNeverValues(MockJobServer server) {
    Http http = new Http(server);
    http.get("/v1/async-jobs/x", "x-api-key", "secret-1");
    http.get("/api/v1/bd/jobs/x", "Authorization", "Bearer secret-2");
    http.get("/api/v1/bd/jobs/x", "X-API-Key", "secret-3");
    assertThat(server.journal().authHeadersSeen()).containsExactlyInAnyOrder("x-api-key", "Authorization");
    assertThat(server.journal().authHeadersSeen().toString()).doesNotContain("secret");
    server.journal().clear();
    assertThat(server.journal().authHeadersSeen()).isEmpty();
    assertThat(server.journal().requestCount()).isZero();
  }

  @Test
  void memoryStaysBounded_underManyDistinctPathsAndJobs() {
    Journal journal = new Journal();
    for (int i = 0; i < 3 * Journal.CAPACITY; i++) {
      journal.record(HttpRequest.of("GET", "/v1/async-jobs/job-" + i, new byte[0], "x-api-key", "k"), "job-" + i);
    }
    assertThat(journal.requestCount()).isEqualTo(3L * Journal.CAPACITY);
    assertThat(journal.requestCount("GET", "/v1/async-jobs/*")).isEqualTo(Journal.CAPACITY);
    assertThat(journal.pollsOf("job-0")).isZero();
    assertThat(journal.pollsOf("job-" + (3 * Journal.CAPACITY - 1))).isEqualTo(1);
  }
}
