package dev.jobsdk.deepcurrent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.WaitOptions;
import dev.jobsdk.core.internal.ApiRequest;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.ClientRuntime;
import dev.jobsdk.core.internal.DefaultJobHandle;
import dev.jobsdk.core.internal.Download;
import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.core.internal.JsonValues;
import dev.jobsdk.core.internal.Transport;
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
import java.nio.file.StandardCopyOption;
import java.util.Optional;

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
    request.inputAssets().ifPresent(n -> body.set("input_assets", JsonValues.toNode(n)));
    request.icpConfig().ifPresent(n -> body.set("icp_config", JsonValues.toNode(n)));
    request.executionOptions().ifPresent(n -> body.set("execution_options", JsonValues.toNode(n)));
    request.chatId().ifPresent(c -> body.put("chat_id", c));
    // No idempotency key: the API documents none, so a create is sent exactly once.
    ApiRequest req = ApiRequest.post(JOBS).json(body);
    Transport.Answer answer = rt.transport().answer(req);
    BdJob created = Decoder.bdJob(answer.json(), answer.body(), req.toString());
    return new Handle(created.id(), created);
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
    Transport.Answer answer = rt.transport().answer(req);
    return Decoder.bdJob(answer.json(), answer.body(), req.toString());
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
  public BdJobHandle handle(String jobId) {
    return new Handle(Ids.require(jobId, "jobId"), null);
  }

  @Override
  public String toString() {
    return "BdJobService";
  }

  /** The handle {@link #create} and {@link #handle} return. */
  private final class Handle extends DefaultJobHandle<BdJob, BdJob> implements BdJobHandle {
    private final BdJob created;

    Handle(String id, BdJob created) {
      super(
          id,
          () -> fetch(id, false),
          (policy, listener) -> rt.await(id, () -> fetch(id, true), policy, listener),
          (policy, listener) -> rt.awaitAsync(id, () -> fetch(id, true), policy, listener));
      this.created = created;
    }

    @Override
    public Optional<BdJob> created() {
      return Optional.ofNullable(created);
    }

    @Override
    public BdJobOutcome awaitResult(WaitOptions<? super BdJob> options) {
      BdJob done = awaitCompletion(options);
      return new BdJobOutcome(done, result(id()));
    }

    @Override
    public String toString() {
      return "BdJobHandle[" + id() + "]";
    }
  }
}
