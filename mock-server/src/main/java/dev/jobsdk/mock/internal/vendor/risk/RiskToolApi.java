package dev.jobsdk.mock.internal.vendor.risk;

import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.RiskToolControl;
import dev.jobsdk.mock.Vendor;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.JobRecord;
import dev.jobsdk.mock.internal.JobView;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.RouteTable;
import dev.jobsdk.mock.internal.Seeds;
import dev.jobsdk.mock.internal.VendorApi;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import dev.jobsdk.mock.internal.web.HttpStatus;
import dev.jobsdk.mock.internal.vendor.RateLimiter;
import dev.jobsdk.mock.internal.vendor.Validation;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CGIAR Risk Intelligence Tool under {@code /api}: its route table, its NestJS throttler, and the
 * {@link RiskToolControl} tests script it with. Each resource has its own handler class.
 */
public final class RiskToolApi extends VendorApi implements RiskToolControl {

  private static final String AUTH_LIMIT = "auth";
  private static final String APP_LIMIT = "app";

  private final Envelope envelope;
  private final Users users;
  private final Jobs jobs;
  private final Assessments assessments;
  private final Prompts prompts;
  private final RouteTable routes;
  private final RateLimiter authLimit = RateLimiter.fixedWindow(5, Duration.ofMinutes(1));
  private final RateLimiter appLimit = RateLimiter.fixedWindow(30, Duration.ofMinutes(1));
  private final AtomicLong directAssessments = new AtomicLong();

  /** @param engine the engine this vendor serves in */
  public RiskToolApi(Engine engine) {
    super(engine);
    this.envelope = new Envelope(engine);
    this.users = new Users(engine, envelope);
    this.jobs = new Jobs(engine, envelope, users);
    this.assessments = new Assessments(engine, envelope, users, jobs);
    this.prompts = new Prompts(envelope, users, jobs);
    // auth routes: 5/min; the rest 30/min; GET /api/jobs/{id} is exempt (the vendor's @SkipThrottle)
    this.routes = RouteTable.builder()
        .post("/api/auth/login", users::login).limited(AUTH_LIMIT)
        .post("/api/auth/refresh-token", users::refresh).limited(AUTH_LIMIT)
        .post("/api/auth/complete-password-change", users::completePasswordChange).limited(AUTH_LIMIT)
        .post("/api/auth/change-password", users::changePassword).limited(APP_LIMIT)
        .post("/api/admin/prompts/preview", prompts::preview).limited(APP_LIMIT)
        .post("/api/assessments/{id}/documents", assessments::upload).limited(APP_LIMIT)
        .post("/api/assessments/{id}/documents/{documentId}/parse", assessments::parse).limited(APP_LIMIT)
        .post("/api/assessments/{id}/gap-fields/submit", assessments::submitGapFields).limited(APP_LIMIT)
        .post("/api/assessments/{id}/report/pdf", assessments::reportPdf).limited(APP_LIMIT)
        .poll("/api/jobs/{id}", "id", (request, params) -> jobs.get(request, params, this))
        .build();
    reset();
  }

  @Override
  public Vendor vendor() {
    return Vendor.RISK_TOOL;
  }

  @Override
  protected RouteTable routes() {
    return routes;
  }

  @Override
  public void reset() {
    users.reset();
    jobs.reset();
    assessments.reset();
    authLimit.reset();
    appLimit.reset();
    directAssessments.set(0);
  }

  @Override
  protected HttpResponse notFound(HttpRequest request) {
    return envelope.response(404, "Cannot " + request.method() + ' '
        + Validation.printable(request.path(), 256), request);
  }

  @Override
  protected HttpResponse throttle(HttpRequest request, RouteTable.Route route) {
    if (!engine.rateLimited() || route.limited() == null) {
      return null;
    }
    RateLimiter limiter = AUTH_LIMIT.equals(route.limited()) ? authLimit : appLimit;
    Duration wait = limiter.acquire(route.limited(), engine.now());
    if (wait == null) {
      return null;
    }
    return faultResponse(429, request).header("Retry-After", Long.toString(wait.toSeconds()));
  }

  @Override
  public HttpResponse faultResponse(int status, HttpRequest request) {
    String message = switch (status) {
      case 429 -> "ThrottlerException: Too Many Requests";
      case 500 -> "Internal server error";
      default -> HttpStatus.reason(status);
    };
    return envelope.response(status, message, request);
  }

  @Override
  public String statusWord(JobRecord job, JobView view) {
    return switch (view.phase()) {
      case PENDING -> "PENDING";
      case RUNNING -> "PROCESSING";
      case SUCCEEDED -> "COMPLETED";
      case FAILED, CANCELLED -> "FAILED";
      case GONE -> "expired";
    };
  }

  // ------------------------------------------------------------------ control

  @Override
  public RiskToolControl defaultLifecycle(String type, Lifecycle lifecycle) {
    jobs.defaultLifecycle(type, lifecycle);
    return this;
  }

  @Override
  public RiskToolControl nextJob(Lifecycle lifecycle) {
    jobs.queue(lifecycle);
    return this;
  }

  @Override
  public RiskToolControl nextJob(String type, Lifecycle lifecycle) {
    jobs.queue(type, lifecycle);
    return this;
  }

  @Override
  public String createJob(String email, String type, Lifecycle lifecycle) {
    Users.User user = users.user(email);
    long assessmentSeed = Seeds.mix(engine.config().seed(), 0xA55E55L + 2 * directAssessments.incrementAndGet());
    String assessmentId = Seeds.uuid(assessmentSeed).toString();
    return switch (Jobs.type(type)) {
      case "PARSE_DOCUMENT" -> assessments.createParse(user.email, assessmentId,
          assessments.addDocument(user.email, assessmentId, "business-plan.pdf"), lifecycle).id();
      case "AI_PREVIEW" -> jobs.create(user.email, type, Json.object()
          .put("systemPrompt", "You are an expert agricultural risk analyst.")
          .put("userPromptTemplate", "Identify the main risks for: {{company}}")
          .set("variables", Json.object().put("company", "a coffee cooperative")), null, lifecycle, null).id();
      default -> jobs.create(user.email, type, Json.object().put("assessmentId", assessmentId), assessmentId,
          lifecycle, null).id();
    };
  }

  @Override
  public String addDocument(String email, String assessmentId, String fileName) {
    Objects.requireNonNull(assessmentId, "assessmentId");
    Objects.requireNonNull(fileName, "fileName");
    if (!Validation.isUuid(assessmentId)) {
      throw new IllegalArgumentException("assessmentId must be a UUID, was " + assessmentId);
    }
    return assessments.addDocument(users.user(email).email, assessmentId, fileName).id();
  }

  /**
   * @param documentId a document id
   * @return whether a document with this id was uploaded or added
   */
  public boolean hasDocument(String documentId) {
    return assessments.document(documentId) != null;
  }

  @Override
  public RiskToolControl addUser(String email, String password, boolean admin) {
    return addUser(email, password, admin, false);
  }

  @Override
  public RiskToolControl addUser(String email, String password, boolean admin, boolean mustChangePassword) {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
    if (password.length() < 8) {
      throw new IllegalArgumentException("password must have at least 8 characters");
    }
    users.add(email, password, admin, mustChangePassword);
    return this;
  }

  @Override
  public String userId(String email) {
    return users.user(email).id;
  }
}
