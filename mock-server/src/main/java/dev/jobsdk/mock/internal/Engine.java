package dev.jobsdk.mock.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.MockFaults;
import dev.jobsdk.mock.MockJob;
import dev.jobsdk.mock.MockJobs;
import dev.jobsdk.mock.Vendor;
import dev.jobsdk.mock.VirtualClock;
import dev.jobsdk.mock.internal.vendor.deepcurrent.DeepCurrentApi;
import dev.jobsdk.mock.internal.vendor.deepidv.DeepIdvApi;
import dev.jobsdk.mock.internal.vendor.risk.RiskToolApi;
import dev.jobsdk.mock.internal.web.HttpHandler;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one engine behind all three doors (Java API, JUnit extension, standalone jar): routes requests
 * to the vendors, applies faults, records the journal, and owns the clock, the job store and the seed.
 */
public final class Engine implements HttpHandler, MockJobs {

  private static final byte[] MALFORMED_TAIL = "\u0000<!-- malformed by jobsdk-mock -->".getBytes(StandardCharsets.UTF_8);
  private static final String BAD_GATEWAY_HTML = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
      + "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

  private final EngineConfig config;
  private final VirtualClock clock;
  private final FaultPolicy faultPolicy;
  private final JobStore store;
  private final Journal journal = new Journal();
  private final Tokens tokens;
  private final AtomicLong sequence = new AtomicLong();
  private final DeepCurrentApi deepCurrent;
  private final DeepIdvApi deepIdv;
  private final RiskToolApi riskTool;
  private final AdminApi admin;
  private volatile boolean rateLimited;
  private volatile String scheme = "http";

  /**
   * @param config the settings
   * @param clock the clock every request reads
   * @param faultPolicy decides faults per request
   * @param faults the editable fault rules (the same rules), for the admin API
   * @param resetAll resets the whole server (clock, faults, engine), for the admin API
   */
  public Engine(EngineConfig config, VirtualClock clock, FaultPolicy faultPolicy, MockFaults faults,
      Runnable resetAll) {
    this.config = config;
    this.clock = clock;
    this.faultPolicy = faultPolicy;
    this.store = new JobStore(config.jobCapacity());
    this.tokens = new Tokens(config.seed());
    this.deepCurrent = new DeepCurrentApi(this);
    this.deepIdv = new DeepIdvApi(this);
    this.riskTool = new RiskToolApi(this);
    this.admin = new AdminApi(this, clock, faults, resetAll);
  }

  /** @return the settings */
  public EngineConfig config() {
    return config;
  }

  /** @return whether the vendors' documented rate limits are enforced (429 with Retry-After) */
  public boolean rateLimited() {
    return rateLimited;
  }

  /** @param enforced whether to enforce the vendors' documented rate limits from now on */
  public void rateLimited(boolean enforced) {
    this.rateLimited = enforced;
  }

  /** @return {@code http}, or {@code https} when the server serves TLS: for absolute URLs in bodies */
  public String scheme() {
    return scheme;
  }

  /** @param scheme {@code http} or {@code https} */
  public void scheme(String scheme) {
    this.scheme = scheme;
  }

  /** @return the clock's current instant */
  public Instant now() {
    return clock.now();
  }

  /** @return the job store */
  public JobStore store() {
    return store;
  }

  /** @return the journal */
  public Journal journal() {
    return journal;
  }

  /** @return the token service */
  public Tokens tokens() {
    return tokens;
  }

  /** @return DeepCurrent's routes and controls */
  public DeepCurrentApi deepCurrent() {
    return deepCurrent;
  }

  /** @return DeepIDV's routes and controls */
  public DeepIdvApi deepIdv() {
    return deepIdv;
  }

  /** @return the Risk tool's routes and controls */
  public RiskToolApi riskTool() {
    return riskTool;
  }

  /**
   * Draws the seed of the next job: the n-th job of a server always gets the same seed.
   *
   * @return the job's seed
   */
  public long nextJobSeed() {
    return Seeds.mix(config.seed(), sequence.incrementAndGet());
  }

  /**
   * @param jobSeed a job's seed
   * @return the job's id
   */
  public static String jobId(long jobSeed) {
    return Seeds.uuid(Seeds.mix(jobSeed, 1)).toString();
  }

  /**
   * @param jobSeed a job's seed
   * @param stream which sequence (lifecycle, result, ...)
   * @return an independent random sequence of the job
   */
  public static SplittableRandom random(long jobSeed, int stream) {
    return new SplittableRandom(Seeds.mix(jobSeed, stream));
  }

  /** Forgets jobs, journal and vendor state, and restarts the id sequence. */
  public void reset() {
    store.clear();
    journal.clear();
    tokens.reset();
    sequence.set(0);
    deepCurrent.reset();
    deepIdv.reset();
    riskTool.reset();
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    String path = request.path();
    if (path.startsWith("/__mock")) {
      return admin.handle(request);
    }
    String[] segments = PathGlob.split(path);
    VendorApi api = vendorFor(segments);
    journal.record(request, api == null ? null : api.polledJobId(request.method(), segments));
    FaultDecision fault = faultPolicy.decide(request.method(), segments);
    if (fault == null) {
      return delivered(dispatch(api, request, segments));
    }
    HttpResponse response = fault.processFirst() ? dispatch(api, request, segments) : null;
    switch (fault.action()) {
      case STATUS -> response = faultStatus(api, request, fault);
      case RESET -> response.disposition(HttpResponse.Disposition.RESET);
      case TRUNCATE -> response.disposition(HttpResponse.Disposition.TRUNCATE);
      case MALFORMED -> response.body(malformed(response.body()));
      case NONE -> delivered(response);
    }
    if (fault.latencyMillis() > 0) {
      response.delayMillis(fault.latencyMillis());
    }
    return response;
  }

  /** A response that reaches the client intact: if it shows a terminal job, the journal learns so. */
  private HttpResponse delivered(HttpResponse response) {
    if (response.terminalJobId() != null) {
      journal.terminalShown(response.terminalJobId());
    }
    return response;
  }

  private VendorApi vendorFor(String[] segments) {
    if (segments.length >= 2 && "api".equals(segments[0])) {
      return "v1".equals(segments[1]) ? deepCurrent : riskTool;
    }
    if (segments.length >= 2 && "v1".equals(segments[0])) {
      return deepIdv;
    }
    return null;
  }

  private HttpResponse dispatch(VendorApi api, HttpRequest request, String[] segments) {
    if (api != null) {
      return api.handle(request, segments);
    }
    if (segments.length == 0 && "GET".equals(request.method())) {
      return Json.response(200, index());
    }
    return Json.response(404, Json.object().put("error", "Not Found")
        .put("message", "No vendor serves " + request.path() + "; see GET / for the routes."));
  }

  private HttpResponse faultStatus(VendorApi api, HttpRequest request, FaultDecision fault) {
    int status = fault.status();
    HttpResponse response;
    if (fault.body() != null) {
      response = HttpResponse.text(status, fault.contentType(), fault.body());
    } else if (status == 502) {
      response = HttpResponse.text(502, "text/html", BAD_GATEWAY_HTML);
    } else if (api != null) {
      response = api.faultResponse(status, request);
    } else {
      response = Json.response(status, Json.object().put("error",
          dev.jobsdk.mock.internal.web.HttpStatus.reason(status)));
    }
    if (fault.retryAfter() != null) {
      response.header("Retry-After", fault.retryAfterAsDate()
          ? DateTimeFormatter.RFC_1123_DATE_TIME.format(now().plus(fault.retryAfter()).atOffset(ZoneOffset.UTC))
          : Long.toString(ceilSeconds(fault.retryAfter())));
    }
    return response;
  }

  private static long ceilSeconds(java.time.Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }

  private static byte[] malformed(byte[] body) {
    int keep = body.length / 2;
    byte[] broken = new byte[keep + MALFORMED_TAIL.length];
    System.arraycopy(body, 0, broken, 0, keep);
    System.arraycopy(MALFORMED_TAIL, 0, broken, keep, MALFORMED_TAIL.length);
    return broken;
  }

  private ObjectNode index() {
    ObjectNode index = Json.object().put("server", "jobsdk mock server")
        .put("note", "A test double of three vendors' job APIs; /__mock/ is the mock's own admin API.");
    ObjectNode routes = index.putObject("vendors");
    routes.set("DeepCurrent", routeList(deepCurrent));
    routes.set("DeepIDV", routeList(deepIdv));
    routes.set("Risk tool", routeList(riskTool));
    index.put("admin", "/__mock/");
    return index;
  }

  private static com.fasterxml.jackson.databind.node.ArrayNode routeList(VendorApi api) {
    com.fasterxml.jackson.databind.node.ArrayNode list = Json.array();
    api.routeTable().routes().forEach(route -> list.add(route.describe()));
    return list;
  }

  // ------------------------------------------------------------------ MockJobs

  private VendorApi api(Vendor vendor) {
    return switch (vendor) {
      case DEEPCURRENT -> deepCurrent;
      case DEEPIDV -> deepIdv;
      case RISK_TOOL -> riskTool;
    };
  }

  private MockJob snapshot(JobRecord job, Instant now) {
    JobView view = job.view(now);
    if (view == null) {
      return null;
    }
    String status = view.phase() == Phase.GONE ? "expired" : api(job.vendor()).statusOf(job, view);
    return new MockJob(job.id(), job.vendor(), job.kind(), job.owner(), status, view.createdAt());
  }

  @Override
  public List<MockJob> list() {
    Instant now = now();
    List<MockJob> jobs = new ArrayList<>();
    for (JobRecord job : store.all()) {
      MockJob snapshot = snapshot(job, now);
      if (snapshot != null) {
        jobs.add(snapshot);
      }
    }
    return List.copyOf(jobs);
  }

  @Override
  public MockJob get(String id) {
    return find(id).orElseThrow(() -> new NoSuchElementException("no job " + id));
  }

  @Override
  public Optional<MockJob> find(String id) {
    JobRecord job = store.get(id);
    return job == null ? Optional.empty() : Optional.ofNullable(snapshot(job, now()));
  }

  @Override
  public MockJob forceState(String id, String status) {
    Phase phase = Phase.parse(status);
    JobRecord job = store.get(id);
    Instant now = now();
    if (job == null || job.view(now) == null) {
      throw new NoSuchElementException("no job " + id);
    }
    job.force(phase, now);
    return snapshot(job, now);
  }
}
