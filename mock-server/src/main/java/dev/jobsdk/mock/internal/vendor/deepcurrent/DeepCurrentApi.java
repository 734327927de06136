package dev.jobsdk.mock.internal.vendor.deepcurrent;

import dev.jobsdk.mock.DeepCurrentControl;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.Vendor;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.JobRecord;
import dev.jobsdk.mock.internal.JobView;
import dev.jobsdk.mock.internal.RouteTable;
import dev.jobsdk.mock.internal.VendorApi;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import dev.jobsdk.mock.internal.web.HttpStatus;
import java.util.List;
import java.util.Objects;

/**
 * DeepCurrent under {@code /api/v1}: its route table and the {@link DeepCurrentControl} tests script it
 * with. Errors are FastAPI-style {@code {"detail": ...}}. A growth run is stored as a BD job of kind
 * {@code growth_run}, so {@code GET /api/v1/bd/jobs/{run_id}} works for it too. The vendor enforces no
 * rate limit (credits are the gate), so neither does the mock.
 */
public final class DeepCurrentApi extends VendorApi implements DeepCurrentControl {

  private final Accounts accounts;
  private final BdJobs bdJobs;
  private final GrowthRuns growth;
  private final RouteTable routes;

  /** @param engine the engine this vendor serves in */
  public DeepCurrentApi(Engine engine) {
    super(engine);
    this.accounts = new Accounts(engine);
    this.bdJobs = new BdJobs(engine, accounts, this);
    this.growth = new GrowthRuns(engine, accounts, bdJobs, this);
    this.routes = RouteTable.builder()
        .post("/api/v1/login/access-token", accounts::login)
        .post("/api/v1/bd/jobs", bdJobs::create)
        .poll("/api/v1/bd/jobs/{job_id}", "job_id", bdJobs::status)
        .get("/api/v1/bd/jobs/{job_id}/result", bdJobs::result)
        .get("/api/v1/bd/jobs/{job_id}/assets/{asset_id}", bdJobs::asset)
        .post("/api/v1/growth/resolve", growth::resolve)
        .post("/api/v1/growth/quote", growth::quote)
        .post("/api/v1/growth/run", growth::run)
        .poll("/api/v1/growth/runs/{run_id}", "run_id", growth::status)
        .build();
    reset();
  }

  @Override
  public Vendor vendor() {
    return Vendor.DEEPCURRENT;
  }

  @Override
  protected RouteTable routes() {
    return routes;
  }

  @Override
  public void reset() {
    accounts.reset();
    bdJobs.reset();
    growth.reset();
  }

  @Override
  protected HttpResponse notFound(HttpRequest request) {
    return FastApi.detail(404, "Not Found");
  }

  @Override
  protected HttpResponse methodNotAllowed(HttpRequest request) {
    return FastApi.detail(405, "Method Not Allowed");
  }

  @Override
  public HttpResponse faultResponse(int status, HttpRequest request) {
    return FastApi.detail(status, HttpStatus.reason(status));
  }

  @Override
  public String statusWord(JobRecord job, JobView view) {
    return switch (view.phase()) {
      case PENDING -> "pending";
      case RUNNING -> "running";
      case SUCCEEDED -> "completed";
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
      case GONE -> "expired";
    };
  }

  // ------------------------------------------------------------------ control

  @Override
  public DeepCurrentControl defaultBdLifecycle(Lifecycle lifecycle) {
    bdJobs.defaultLifecycle(false, lifecycle);
    return this;
  }

  @Override
  public DeepCurrentControl nextBdJob(Lifecycle lifecycle) {
    bdJobs.queue(false, lifecycle);
    return this;
  }

  @Override
  public String createBdJob(String apiKey, String preset, Lifecycle lifecycle) {
    Accounts.Account account = accounts.account(apiKey);
    List<String> capabilities = BdPlanning.PRESETS.get(Objects.requireNonNull(preset, "preset"));
    if (capabilities == null) {
      throw new IllegalArgumentException("unknown preset " + preset + "; use one of " + BdPlanning.PRESETS.keySet());
    }
    return bdJobs.createJob(account, BdPlanning.BD_KIND, BdPlanning.planBd(preset, capabilities, null), lifecycle)
        .id();
  }

  @Override
  public DeepCurrentControl defaultGrowthLifecycle(Lifecycle lifecycle) {
    bdJobs.defaultLifecycle(true, lifecycle);
    return this;
  }

  @Override
  public DeepCurrentControl nextGrowthRun(Lifecycle lifecycle) {
    bdJobs.queue(true, lifecycle);
    return this;
  }

  @Override
  public String createGrowthRun(String apiKey, Lifecycle lifecycle) {
    Accounts.Account account = accounts.account(apiKey);
    int rows = BdPlanning.DEFAULT_GROWTH_ROWS;
    return bdJobs.createJob(account, BdPlanning.GROWTH_KIND,
        BdPlanning.growthJob("full_pipeline", rows, BdPlanning.creditsFor(rows), null), lifecycle).id();
  }

  @Override
  public DeepCurrentControl setCredits(String apiKey, int credits) {
    if (credits < 0) {
      throw new IllegalArgumentException("credits must not be negative, was " + credits);
    }
    accounts.account(apiKey).credits(credits);
    return this;
  }

  @Override
  public int credits(String apiKey) {
    return accounts.account(apiKey).credits();
  }

  @Override
  public DeepCurrentControl addAccount(String apiKey, boolean paidSubscription) {
    Objects.requireNonNull(apiKey, "apiKey");
    if (!apiKey.startsWith("dc_") || apiKey.length() < 4) {
      throw new IllegalArgumentException("a DeepCurrent API key starts with dc_, was " + apiKey);
    }
    accounts.register(apiKey, paidSubscription, Accounts.PAID_START_CREDITS);
    return this;
  }
}
