package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.WaitOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.PaymentRequiredException;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.core.Progress;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.mock.Lifecycle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrowthMockServerTest extends MockServerTestBase {
  private static final Lifecycle TWO_STAGES =
      Lifecycle.builder()
          .queued(Duration.ofSeconds(5))
          .stage("email_lookup", Duration.ofSeconds(60), "Discovering email addresses...")
          .stage("email_verify", Duration.ofSeconds(30), "Verifying email addresses...")
          .build();

  private JsonValue plan;

  @BeforeEach
  void resolvePlan() {
    GrowthResolution resolution =
        client
            .growth()
            .resolve(
                GrowthResolveRequest.builder("Find verified emails for DeFi founders")
                    .constraints(Map.of("niche", "DeFi", "count", 100))
                    .build());
    assertThat(resolution.quotable()).isTrue();
    assertThat(resolution.goalType()).contains("email_discovery");
    assertThat(resolution.raw().path("execution_strategy").asString().orElseThrow()).isEqualTo("enrichment_only");
    plan = resolution.goalPlan();
  }

  @Test
  void quoteRunAwait_reportsEveryStageStatusChangeInOrder() {
    server.deepCurrent().nextGrowthRun(TWO_STAGES);
    GrowthQuote quote = client.growth().quote(plan);
    assertThat(quote.quotable()).isTrue();
    assertThat(quote.quoteToken()).isPresent();
    assertThat(quote.expiry()).hasValueSatisfying(e -> assertThat(e).isAfter(time.now()));
    assertThat(quote.creditsTotal()).hasValue(450);
    assertThat(quote.costBreakdown().path("enrichment").asLong().orElseThrow().intValue()).isEqualTo(450);
    assertThat(quote.goalPlan().path("pipeline_id").asString().orElseThrow()).isEqualTo("email_discovery_v1");
    int creditsBefore = server.deepCurrent().credits(PAID);
    List<GrowthRun> events = new ArrayList<>();

    GrowthRunHandle handle = client.growth().run(quote);
    GrowthRun done = handle.awaitCompletion(WaitOptions.of(EVERY_5S, events::add));

    assertThat(handle.started().orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(server.deepCurrent().credits(PAID)).isEqualTo(creditsBefore - 450);
    List<Map<String, String>> stageSequence = new ArrayList<>();
    for (GrowthRun e : events) {
      assertThat(e.progress().orElseThrow().stages()).isEqualTo(e.rawStageStatus());
      if (stageSequence.isEmpty() || !stageSequence.get(stageSequence.size() - 1).equals(e.rawStageStatus())) {
        stageSequence.add(e.rawStageStatus());
      }
    }
    assertThat(stageSequence)
        .containsExactly(
            Map.of(),
            ordered("email_lookup", "running"),
            ordered("email_lookup", "completed", "email_verify", "running"),
            ordered("email_lookup", "completed", "email_verify", "completed"));
    assertThat(new ArrayList<>(events.get(events.size() - 1).stageStatus().keySet()))
        .containsExactly("email_lookup", "email_verify");
    assertThat(events).extracting(r -> r.progress().flatMap(Progress::message).orElse(""))
        .contains("Discovering email addresses...", "Verifying email addresses...");
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.progress().orElseThrow().percent()).hasValue(100);
    assertThat(done.artifactHandles()).extracting(BdAsset::assetId).containsExactly("verified_contacts");
    assertThat(done.exportHandles()).isNotEmpty();
    assertThat(done.preview().path("delivered_counts").path("delivered_contacts").asLong().orElseThrow().intValue()).isPositive();
    assertThat(done.gapReport().path("unresolved").asLong().orElseThrow().intValue()).isPositive();
    assertThat(server.journal().requestsAfterTerminal(done.id())).isZero();
  }

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void awaitCompletionAsync_byRunId_completes() throws Exception {
    server.deepCurrent().nextGrowthRun(TWO_STAGES);
    String runId = client.growth().run(client.growth().quote(plan)).id();

    GrowthRun done = time.await(client.growth().handle(runId).awaitCompletionAsync());

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(client.growth().retrieve(runId).status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void run_reusedQuoteToken_throwsQuoteTokenRejectedWithTheServersDetail() {
    GrowthQuote quote = client.growth().quote(plan);
    client.growth().run(quote);

    QuoteTokenRejectedException e =
        catchThrowableOfType(QuoteTokenRejectedException.class, () -> client.growth().run(quote));

    assertThat(e).isInstanceOf(PermissionDeniedException.class);
    assertThat(e.errorMessage()).contains("Quote token has already been used.");
    assertThat(e.getMessage()).doesNotContain(quote.quoteToken().orElseThrow());
    assertThat(server.journal().requestCount("POST", "/api/v1/growth/run")).isEqualTo(2);
  }

  @Test
  void run_expiredQuoteToken_throwsQuoteTokenRejected() {
    GrowthQuote quote = client.growth().quote(plan);
    time.advance(Duration.between(time.now(), quote.expiry().orElseThrow()).plusSeconds(1));
    assertThat(quote.isExpiredAt(time.now())).isTrue();

    assertThatThrownBy(() -> client.growth().run(quote))
        .isInstanceOf(QuoteTokenRejectedException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void run_notQuotable_rejectedBeforeSending() {
    GrowthQuote quote =
        client.growth().quote(plan, QuoteOptions.builder().maxExternalSpendCredits(10).build());

    assertThat(quote.ok()).isFalse();
    assertThat(quote.quotable()).isFalse();
    assertThat(quote.quoteToken()).isEmpty();
    assertThat(quote.errorCode()).contains("max_external_spend_too_low");
    assertThat(quote.detail()).hasValueSatisfying(d -> assertThat(d).contains("450"));
    assertThat(quote.suggestedNextAction()).isPresent();
    assertThatThrownBy(() -> client.growth().run(quote))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not quotable")
        .hasMessageContaining("max_external_spend_too_low");
    assertThat(server.journal().requestCount("POST", "/api/v1/growth/run")).isZero();
  }

  @Test
  void run_onFreeTier_isAPlainPermissionDenied() {
    DeepCurrentClient free = client(FREE);
    GrowthQuote quote = free.growth().quote(plan);

    PermissionDeniedException e =
        catchThrowableOfType(PermissionDeniedException.class, () -> free.growth().run(quote));

    assertThat(e).isNotInstanceOf(QuoteTokenRejectedException.class);
    assertThat(e.errorMessage()).contains("This feature requires an active paid subscription.");
  }

  @Test
  void run_withoutEnoughCredits_throwsPaymentRequiredAndTheTokenStaysUsable() {
    GrowthQuote quote = client.growth().quote(plan);
    server.deepCurrent().setCredits(PAID, 10);

    assertThatThrownBy(() -> client.growth().run(quote))
        .isInstanceOf(PaymentRequiredException.class)
        .hasMessageContaining("Insufficient credits");
    server.deepCurrent().setCredits(PAID, 10_000);
    assertThat(client.growth().run(quote).id()).isNotBlank();
  }

  @Test
  void awaitCompletion_failedRun_throwsJobFailedWithTheRun() {
    server
        .deepCurrent()
        .nextGrowthRun(
            Lifecycle.builder()
                .stage("email_lookup", Duration.ofSeconds(40), "Discovering email addresses...")
                .fail("Provider quota exhausted")
                .build());
    GrowthRunHandle handle = client.growth().run(client.growth().quote(plan));

    JobFailedException e =
        catchThrowableOfType(JobFailedException.class, () -> handle.awaitCompletion(WaitOptions.of(EVERY_5S)));

    GrowthRun run = e.lastSnapshot(GrowthRun.class).orElseThrow();
    assertThat(run.status()).isEqualTo(JobStatus.FAILED);
    assertThat(run.stageStatus()).containsEntry("email_lookup", JobStatus.FAILED);
    assertThat(run.rawStageStatus()).containsEntry("email_lookup", "failed");
    assertThat(run.errorMessage()).contains("Provider quota exhausted");
    assertThat(e.getMessage()).contains("Provider quota exhausted");
  }

  @Test
  void quote_mapAndJsonPlans_areTheSameRequest() {
    Map<String, Object> asMap =
        Json.MAPPER.convertValue(plan, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});

    GrowthQuote fromMap = client.growth().quote(asMap, QuoteOptions.none());
    GrowthQuote fromJson = client.growth().quote(plan);

    assertThat(fromMap.goalPlan()).isEqualTo(fromJson.goalPlan());
    assertThat(fromMap.creditsTotal()).isEqualTo(fromJson.creditsTotal());
  }
}
