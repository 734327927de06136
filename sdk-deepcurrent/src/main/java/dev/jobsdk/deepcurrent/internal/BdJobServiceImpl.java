package dev.jobsdk.deepcurrent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.core.internal.ApiRequest;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.ClientRuntime;
import dev.jobsdk.core.internal.DefaultJobHandle;
import dev.jobsdk.core.internal.Download;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.deepcurrent.AssetDownload;
import dev.jobsdk.deepcurrent.BdCapability;
import dev.jobsdk.deepcurrent.BdJob;
import dev.jobsdk.deepcurrent.BdJobHandle;
import dev.jobsdk.deepcurrent.BdJobOutcome;
import dev.jobsdk.deepcurrent.BdJobRequest;
import dev.jobsdk.deepcurrent.BdJobResult;
import dev.jobsdk.deepcurrent.BdJobService;
import dev.jobsdk.deepcurrent.DownloadOption;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** {@link BdJobService} over the client's transport and poller. */
public final class BdJobServiceImpl implements BdJobService {
  static final String JOBS = "/api/v1/bd/jobs";

  private final ClientRuntime rt;

  /**
   * Creates the service.
   *
   * @param rt the client's runtime
   */
  public BdJobServiceImpl(ClientRuntime rt) {
    this.rt = rt;
  }

  @Override
  public BdJobHandle create(BdJobRequest request) {
    Checks.notNull(request, "request");
    ObjectNode body = Json.MAPPER.createObjectNode();
    request.preset().ifPresent(p -> body.put("preset", p.value()));
    if (!request.requestedCapabilities().isEmpty()) {
      ArrayNode caps = body.putArray("requested_capabilities");
      for (BdCapability c : request.requestedCapabilities()) {
        caps.add(c.value());
      }
    }
    request.inputAssets().ifPresent(n -> body.set("input_assets", n));
    request.icpConfig().ifPresent(n -> body.set("icp_config", n));
    request.executionOptions().ifPresent(n -> body.set("execution_options", n));
    request.chatId().ifPresent(c -> body.put("chat_id", c));
    // No idempotency key: the API documents none, so a create is sent exactly once.
    ApiRequest req = ApiRequest.post(JOBS).json(body);
    BdJob created = Decoder.bdJob(rt.transport().json(req, JsonNode.class), req.toString());
    return new Handle(created);
  }

  @Override
  public BdJob retrieve(String jobId) {
    return fetch(Ids.require(jobId, "jobId"), false);
  }

  private BdJob fetch(String jobId, boolean poll) {
    ApiRequest req = ApiRequest.get(JOBS).segment("jobId", jobId);
    if (poll) {
      req.noRetry();
    }
    return Decoder.bdJob(rt.transport().json(req, JsonNode.class), req.toString());
  }

  @Override
  public BdJobResult result(String jobId) {
    ApiRequest req =
        ApiRequest.get(JOBS).segment("jobId", Ids.require(jobId, "jobId")).literal("result");
    return Decoder.bdJobResult(rt.transport().json(req, JsonNode.class), req.toString());
  }

  @Override
  public AssetDownload downloadAsset(String jobId, String assetId) {
    Ids.require(jobId, "jobId");
    Ids.require(assetId, "assetId");
    ApiRequest req =
        ApiRequest.get(JOBS)
            .segment("jobId", jobId)
            .literal("assets")
            .segment("assetId", assetId);
    Download download = rt.transport().download(req);
    return new AssetDownload(
        new FilterInputStream(download.stream()) {
          @Override
          public void close() throws IOException {
            try {
              super.close();
            } finally {
              download.close();
            }
          }
        },
        download.contentType().orElse(null),
        download.contentLength().orElse(-1),
        download.suggestedFileName().flatMap(FileNames::sanitize).orElse(null));
  }

  @Override
  public Path downloadAsset(String jobId, String assetId, Path file, DownloadOption... options) {
    Ids.require(jobId, "jobId");
    Ids.require(assetId, "assetId");
    Checks.notNull(file, "file");
    boolean replace = AssetFiles.replace(options);
    Path target = AssetFiles.checkFile(file, replace);
    try (AssetDownload asset = downloadAsset(jobId, assetId)) {
      return AssetFiles.save(asset, target, replace);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write asset " + assetId + " of job " + jobId + " to " + target, e);
    }
  }

  @Override
  public Path downloadAssetTo(
      String jobId, String assetId, Path directory, DownloadOption... options) {
    Ids.require(jobId, "jobId");
    Ids.require(assetId, "assetId");
    Checks.notNull(directory, "directory");
    boolean replace = AssetFiles.replace(options);
    Path dir = AssetFiles.checkDirectory(directory);
    try (AssetDownload asset = downloadAsset(jobId, assetId)) {
      String name =
          asset
              .fileName()
              .or(() -> FileNames.sanitize(assetId))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "assetId gives no usable file name; use downloadAsset(jobId, assetId,"
                              + " file) with a file name of your own"));
      return AssetFiles.saveInto(asset, dir, name, replace);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write asset " + assetId + " of job " + jobId + " into " + dir, e);
    }
  }

  @Override
  public BdJob awaitCompletion(String jobId) {
    return await(jobId, null, null);
  }

  @Override
  public BdJob awaitCompletion(String jobId, PollingPolicy policy) {
    return await(jobId, Checks.notNull(policy, "policy"), null);
  }

  @Override
  public BdJob awaitCompletion(String jobId, ProgressListener<? super BdJob> listener) {
    return await(jobId, null, Checks.notNull(listener, "listener"));
  }

  @Override
  public BdJob awaitCompletion(
      String jobId, PollingPolicy policy, ProgressListener<? super BdJob> listener) {
    return await(jobId, Checks.notNull(policy, "policy"), Checks.notNull(listener, "listener"));
  }

  private BdJob await(String jobId, PollingPolicy policy, ProgressListener<? super BdJob> l) {
    String id = Ids.require(jobId, "jobId");
    return rt.await(id, () -> fetch(id, true), policy, l);
  }

  @Override
  public CompletableFuture<BdJob> awaitCompletionAsync(String jobId) {
    return awaitAsync(jobId, null, null);
  }

  @Override
  public CompletableFuture<BdJob> awaitCompletionAsync(
      String jobId, PollingPolicy policy, ProgressListener<? super BdJob> listener) {
    return awaitAsync(
        jobId, Checks.notNull(policy, "policy"), Checks.notNull(listener, "listener"));
  }

  private CompletableFuture<BdJob> awaitAsync(
      String jobId, PollingPolicy policy, ProgressListener<? super BdJob> l) {
    String id = Ids.require(jobId, "jobId");
    return rt.awaitAsync(id, () -> fetch(id, true), policy, l);
  }

  @Override
  public BdJobOutcome awaitResult(String jobId) {
    BdJob done = await(jobId, null, null);
    return new BdJobOutcome(done, result(jobId));
  }

  @Override
  public BdJobOutcome awaitResult(String jobId, ProgressListener<? super BdJob> listener) {
    BdJob done = await(jobId, null, Checks.notNull(listener, "listener"));
    return new BdJobOutcome(done, result(jobId));
  }

  @Override
  public BdJobOutcome awaitResult(
      String jobId, PollingPolicy policy, ProgressListener<? super BdJob> listener) {
    BdJob done =
        await(jobId, Checks.notNull(policy, "policy"), Checks.notNull(listener, "listener"));
    return new BdJobOutcome(done, result(jobId));
  }

  @Override
  public String toString() {
    return "BdJobService";
  }

  /** The handle {@link #create} returns. */
  private final class Handle extends DefaultJobHandle<BdJob, BdJob> implements BdJobHandle {
    private final BdJob created;

    Handle(BdJob created) {
      super(
          created.id(),
          () -> fetch(created.id(), false),
          (policy, listener) -> rt.await(created.id(), () -> fetch(created.id(), true), policy, listener),
          (policy, listener) ->
              rt.awaitAsync(created.id(), () -> fetch(created.id(), true), policy, listener));
      this.created = created;
    }

    @Override
    public BdJob created() {
      return created;
    }

    @Override
    public BdJobOutcome awaitResult() {
      return BdJobServiceImpl.this.awaitResult(created.id());
    }

    @Override
    public BdJobOutcome awaitResult(ProgressListener<? super BdJob> listener) {
      return BdJobServiceImpl.this.awaitResult(created.id(), listener);
    }

    @Override
    public BdJobOutcome awaitResult(
        PollingPolicy policy, ProgressListener<? super BdJob> listener) {
      return BdJobServiceImpl.this.awaitResult(created.id(), policy, listener);
    }

    @Override
    public String toString() {
      return "BdJobHandle[" + created.id() + "]";
    }
  }}
