package dev.jobsdk.mock.internal.vendor.deepidv;

import dev.jobsdk.mock.DeepIdvControl;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.Vendor;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.JobRecord;
import dev.jobsdk.mock.internal.JobView;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.RouteTable;
import dev.jobsdk.mock.internal.VendorApi;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import dev.jobsdk.mock.internal.web.HttpStatus;
import dev.jobsdk.mock.internal.vendor.RateLimiter;
import dev.jobsdk.mock.internal.vendor.Validation;
import java.time.Duration;

/**
 * DeepIDV under {@code /v1}: its route table, its documented rate limits (25 requests a second with a
 * burst of 35, and 10,000 a day, per API key), and the {@link DeepIdvControl} tests script it with.
 * Error bodies are {@code {"message": ...}} (invented by the mock: no JSON error schema is
 * documented), except the documented plain-text 402.
 */
public final class DeepIdvApi extends VendorApi implements DeepIdvControl {

  private final Orgs orgs = new Orgs();
  private final Screenings screenings;
  private final AsyncJobs asyncJobs;
  private final RouteTable routes;
  private final RateLimiter limit = RateLimiter.tokenBucket(25, 35);
  private final RateLimiter daily = RateLimiter.fixedWindow(10_000, Duration.ofDays(1));

  /** @param engine the engine this vendor serves in */
  public DeepIdvApi(Engine engine) {
    super(engine);
    this.screenings = new Screenings(engine, orgs, this);
    this.asyncJobs = new AsyncJobs(engine, orgs, this);
    this.routes = RouteTable.builder()
        .post("/v1/screening/adverse-media", screenings::create)
        .poll("/v1/async-jobs/{jobId}", "jobId", asyncJobs::get)
        .build();
    reset();
  }

  static HttpResponse message(int status, String message) {
    return Json.response(status, Json.object().put("message", message));
  }

  @Override
  public Vendor vendor() {
    return Vendor.DEEPIDV;
  }

  @Override
  protected RouteTable routes() {
    return routes;
  }

  @Override
  public void reset() {
    orgs.reset();
    screenings.reset();
    limit.reset();
    daily.reset();
  }

  @Override
  protected HttpResponse notFound(HttpRequest request) {
    return message(404, "Not Found");
  }

  @Override
  protected HttpResponse methodNotAllowed(HttpRequest request) {
    return message(405, "Method Not Allowed");
  }

  /** Every request counts against its API key's budget (one shared budget for requests without one). */
  @Override
  protected HttpResponse throttle(HttpRequest request, RouteTable.Route route) {
    if (!engine.rateLimited()) {
      return null;
    }
    String key = Validation.credential(request, "x-api-key");
    String budget = key == null ? "" : key;
    Duration wait = limit.acquire(budget, engine.now());
    if (wait == null) {
      wait = daily.acquire(budget, engine.now());
    }
    return wait == null ? null : faultResponse(429, request).header("Retry-After", Long.toString(wait.toSeconds()));
  }

  @Override
  public HttpResponse faultResponse(int status, HttpRequest request) {
    if (status == 503) {
      return Json.response(503, Json.object().put("error", "Service temporarily unavailable."));
    }
    return message(status, HttpStatus.reason(status));
  }

  @Override
  public String statusWord(JobRecord job, JobView view) {
    return switch (view.phase()) {
      case PENDING -> "pending";
      case RUNNING -> "processing";
      case SUCCEEDED -> "ready";
      case FAILED, CANCELLED -> "failed";
      case GONE -> "expired";
    };
  }

  // ------------------------------------------------------------------ control

  @Override
  public DeepIdvControl defaultLifecycle(Lifecycle lifecycle) {
    screenings.defaultLifecycle(lifecycle);
    return this;
  }

  @Override
  public DeepIdvControl nextJob(Lifecycle lifecycle) {
    screenings.queue(lifecycle);
    return this;
  }

  @Override
  public String createJob(String apiKey, Lifecycle lifecycle) {
    Screenings.Subject subject = new Screenings.Subject("jane.doe@example.com", "Jane", "Doe", "1990-01-01", "CA");
    return screenings.create(orgs.org(apiKey), subject, lifecycle).id();
  }

  @Override
  public DeepIdvControl setBalance(String apiKey, boolean hasBalance) {
    orgs.org(apiKey).balance = hasBalance;
    return this;
  }

  @Override
  public DeepIdvControl addOrg(String apiKey) {
    orgs.add(apiKey);
    return this;
  }
}
