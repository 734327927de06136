package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.WaitOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.core.internal.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad argument is an IllegalArgumentException naming it, and nothing reaches the server. */
class ArgumentValidationMockServerTest extends MockServerTestBase {
  @TempDir Path dir;

  @AfterEach
  void nothingWasSent() {
    assertThat(server.journal().requestCount()).isZero();
  }

  private static void rejects(String parameter, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(parameter);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "a/b", "..", ".", "%2e%2e", "a%2Fb", "a\\b", "x\ny", " lead", "../../admin"})
  void everyIdTakingCall_badId_rejectedBeforeSending(String bad) {
    BdJobService bd = client.bdJobs();
    GrowthService growth = client.growth();
    ProgressListener<BdJob> bl = j -> {};
    ProgressListener<GrowthRun> gl = r -> {};
    rejects("jobId", () -> bd.retrieve(bad));
    rejects("jobId", () -> bd.result(bad));
    rejects("jobId", () -> bd.downloadAsset(bad, "verified_contacts"));
    rejects("jobId", () -> bd.downloadAsset(bad, "verified_contacts", dir.resolve("f.json")));
    rejects("jobId", () -> bd.downloadAssetTo(bad, "verified_contacts", dir));
    rejects("jobId", () -> bd.handle(bad));
    rejects("assetId", () -> bd.downloadAsset("a1b2c3d4", bad));
    rejects("assetId", () -> bd.downloadAsset("a1b2c3d4", bad, dir.resolve("f.json")));
    rejects("assetId", () -> bd.downloadAssetTo("a1b2c3d4", bad, dir));
    rejects("runId", () -> growth.retrieve(bad));
    rejects("runId", () -> growth.handle(bad));
  }

  @org.junit.jupiter.api.Test
  void nullPoliciesListenersRequestsAndTargets_rejectedBeforeSending() {
    BdJobService bd = client.bdJobs();
    GrowthService growth = client.growth();
    rejects("request", () -> bd.create(null));
    rejects("policy", () -> WaitOptions.of((dev.jobsdk.core.PollingPolicy) null));
    rejects("listener", () -> WaitOptions.of((ProgressListener<BdJob>) null));
    rejects("listener", () -> WaitOptions.of(EVERY_5S, null));
    rejects("options", () -> bd.handle("j1").awaitCompletion(null));
    rejects("options", () -> bd.handle("j1").awaitCompletionAsync(null));
    rejects("options", () -> bd.handle("j1").awaitResult(null));
    rejects("file", () -> bd.downloadAsset("j1", "verified_contacts", (Path) null));
    rejects("file's directory", () -> bd.downloadAsset("j1", "verified_contacts", dir.resolve("missing/x.json")));
    rejects("file is a directory", () -> bd.downloadAsset("j1", "verified_contacts", dir));
    rejects("directory", () -> bd.downloadAssetTo("j1", "verified_contacts", null));
    rejects("options", () -> bd.downloadAssetTo("j1", "verified_contacts", dir, (DownloadOption) null));
    rejects("goalPlan", () -> growth.quote((JsonValue) null));
    rejects("goalPlan", () -> growth.quote((Map<String, ?>) null));
    rejects("goalPlan", () -> growth.quote(JsonValue.of(List.of())));
    rejects("options", () -> growth.quote(Map.of("preset", "full_pipeline"), null));
    rejects("goalText", () -> growth.resolve((String) null));
    rejects("goalText", () -> growth.resolve("hi"));
    rejects("goalText", () -> growth.resolve("x".repeat(2001)));
    rejects("request", () -> growth.resolve((GrowthResolveRequest) null));
    rejects("quote", () -> growth.run(null));
    rejects("chatId", () -> growth.run(quote(true, Optional.of("eyJ.t.s")), " "));
    rejects("quoteToken", () -> growth.run(quote(true, Optional.empty())));
    rejects("not quotable", () -> growth.run(quote(false, Optional.empty())));
  }

  @org.junit.jupiter.api.Test
  void presetAndCapabilities_bothOrNeither_rejectedBeforeSending() {
    rejects(
        "mutually exclusive",
        () ->
            client
                .bdJobs()
                .create(
                    BdJobRequest.builder()
                        .preset(BdPreset.FULL_PIPELINE)
                        .requestedCapabilities(List.of(BdCapability.EMAIL_VERIFY))
                        .build()));
    rejects("either preset or requestedCapabilities", () -> client.bdJobs().create(BdJobRequest.builder().build()));
  }

  private static GrowthQuote quote(boolean quotable, Optional<String> token) {
    return new GrowthQuote(
        quotable,
        quotable,
        token,
        Optional.of(Instant.parse("2026-01-01T00:30:00Z")),
        OptionalInt.of(450),
        JsonValue.of(Map.of()),
        JsonValue.of(Map.of()),
        JsonValue.of(Map.of()),
        JsonValue.of(Map.of()),
        List.of(),
        quotable ? Optional.empty() : Optional.of("invalid_goal_plan"),
        Optional.empty(),
        Optional.empty());
  }
}
