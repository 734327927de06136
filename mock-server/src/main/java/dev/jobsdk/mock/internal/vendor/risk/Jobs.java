package dev.jobsdk.mock.internal.vendor.risk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.Vendor;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.JobRecord;
import dev.jobsdk.mock.internal.JobView;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.Phase;
import dev.jobsdk.mock.internal.RouteTable;
import dev.jobsdk.mock.internal.Seeds;
import dev.jobsdk.mock.internal.VendorApi;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import dev.jobsdk.mock.internal.vendor.Validation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The {@code /api/jobs} resource and the one place Risk-tool jobs are created: which lifecycle a new
 * job gets, its stored input, and {@code GET /api/jobs/{id}}.
 */
final class Jobs {

  static final List<String> TYPES = List.of("AI_PREVIEW", "PARSE_DOCUMENT", "GAP_DETECTION", "RISK_ANALYSIS",
      "REPORT_GENERATION");
  static final int MAX_ATTEMPTS = 3;
  /** The error a cancelled job shows: the Risk tool has no cancelled status, so it shows FAILED. */
  static final String CANCELLED_ERROR = "Job was cancelled.";

  /**
   * A Risk tool job's type and stored input.
   *
   * @param type the job type
   * @param input the stored input (never changed after creation)
   * @param assessmentId the assessment, or {@code null} for a preview
   */
  record RiskJob(String type, ObjectNode input, String assessmentId) {
  }

  private final Engine engine;
  private final Envelope envelope;
  private final Users users;
  private final Map<String, Lifecycle> defaults = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentLinkedQueue<Lifecycle>> typedQueues = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Lifecycle> anyQueue = new ConcurrentLinkedQueue<>();

  Jobs(Engine engine, Envelope envelope, Users users) {
    this.engine = engine;
    this.envelope = envelope;
    this.users = users;
  }

  void reset() {
    defaults.clear();
    typedQueues.clear();
    anyQueue.clear();
  }

  static String type(String type) {
    Objects.requireNonNull(type, "type");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("unknown job type " + type + "; use one of " + TYPES);
    }
    return type;
  }

  void defaultLifecycle(String type, Lifecycle lifecycle) {
    if (lifecycle == null) {
      defaults.remove(type(type));
    } else {
      defaults.put(type(type), lifecycle);
    }
  }

  void queue(Lifecycle lifecycle) {
    anyQueue.add(Objects.requireNonNull(lifecycle, "lifecycle"));
  }

  void queue(String type, Lifecycle lifecycle) {
    typedQueues.computeIfAbsent(type(type), t -> new ConcurrentLinkedQueue<>())
        .add(Objects.requireNonNull(lifecycle, "lifecycle"));
  }

  /**
   * Creates a job.
   *
   * @param owner the owning user's email
   * @param type the job type
   * @param input the stored input
   * @param assessmentId the assessment, or {@code null}
   * @param explicit the lifecycle given for this job, or {@code null}
   * @param parent the job whose success creates this one, or {@code null}
   * @return the job
   */
  JobRecord create(String owner, String type, ObjectNode input, String assessmentId, Lifecycle explicit,
      JobRecord parent) {
    long seed = engine.nextJobSeed();
    ConcurrentLinkedQueue<Lifecycle> typed = typedQueues.get(type);
    Supplier<Lifecycle> queued = () -> {
      Lifecycle next = typed == null ? null : typed.poll();
      // a chained job is created by its parent's success, not by a request: it skips the untyped queue
      return next != null || parent != null ? next : anyQueue.poll();
    };
    Lifecycle lifecycle = VendorApi.chooseLifecycle(explicit, queued, defaults.get(type),
        () -> defaultLifecycle(type, seed));
    JobRecord job = new JobRecord(Engine.jobId(seed), Vendor.RISK_TOOL, type, owner, seed,
        parent == null ? engine.now() : null, parent, lifecycle, MAX_ATTEMPTS, null,
        new RiskJob(type, input, assessmentId));
    engine.store().add(job);
    return job;
  }

  private static Lifecycle defaultLifecycle(String type, long seed) {
    SplittableRandom random = Engine.random(seed, 2);
    Lifecycle.Builder builder = Lifecycle.builder();
    switch (type) {
      case "AI_PREVIEW" -> builder.queued(millis(random, 500, 2_000))
          .stage("rendering_prompt", millis(random, 200, 800), "Rendering prompt...")
          .stage("invoking_model", millis(random, 3_000, 12_000), "Invoking Bedrock model...");
      case "PARSE_DOCUMENT" -> builder.queued(millis(random, 1_000, 3_000))
          .stage("textract", millis(random, 10_000, 35_000), "Extracting text with Textract...")
          .stage("extract_tables", millis(random, 3_000, 10_000), "Extracting tables...");
      case "GAP_DETECTION" -> builder.queued(millis(random, 500, 2_000))
          .stage("detecting_gaps", millis(random, 3_000, 10_000), "Detecting gap fields...");
      case "RISK_ANALYSIS" -> builder.queued(millis(random, 1_000, 2_000))
          .stage("scoring", millis(random, 5_000, 20_000), "Scoring risk categories...");
      default -> builder.queued(millis(random, 1_000, 2_000))
          .stage("rendering_pdf", millis(random, 3_000, 15_000), "Rendering PDF report...");
    }
    return builder.build();
  }

  private static Duration millis(SplittableRandom random, int min, int max) {
    return Duration.ofMillis(Seeds.between(random, min, max));
  }

  /** {@code GET /api/jobs/{id}}: the raw job row. */
  HttpResponse get(HttpRequest request, RouteTable.Params params, VendorApi vendor) {
    Users.User user = users.authenticate(request);
    String id = params.get("id");
    if (!Validation.isUuid(id)) {
      throw envelope.error(400, Envelope.NOT_A_UUID, request);
    }
    JobRecord job = engine.store().get(id);
    JobView view = job == null || job.vendor() != Vendor.RISK_TOOL ? null : job.view(engine.now());
    if (view == null || view.phase() == Phase.GONE) {
      throw envelope.error(404, "Job " + id + " not found", request);
    }
    if (!job.owner().equals(user.email)) {
      throw envelope.error(403, "You do not own this job", request);
    }
    RiskJob data = job.data(RiskJob.class);
    ObjectNode json = Json.object();
    json.put("id", job.id()).put("type", data.type()).put("status", vendor.statusOf(job, view));
    json.set("input", data.input());
    if (view.phase() == Phase.SUCCEEDED) {
      json.set("result", Results.of(job, data, view));
    } else {
      json.putNull("result");
    }
    if (view.phase() == Phase.FAILED) {
      json.put("error", view.error());
    } else if (view.phase() == Phase.CANCELLED) {
      json.put("error", CANCELLED_ERROR);
    } else {
      json.putNull("error");
    }
    json.put("attempts", view.attempts()).put("maxAttempts", job.maxAttempts())
        .put("createdById", users.idOf(job.owner()))
        .put("createdAt", Json.isoMillis(view.createdAt())).put("updatedAt", Json.isoMillis(view.updatedAt()));
    Json.putNullable(json, "startedAt", view.startedAt() == null ? null : Json.isoMillis(view.startedAt()));
    Json.putNullable(json, "completedAt", view.completedAt() == null ? null : Json.isoMillis(view.completedAt()));
    HttpResponse response = Json.response(200, json);
    return view.phase().terminal() ? response.terminalJobId(job.id()) : response;
  }
}
