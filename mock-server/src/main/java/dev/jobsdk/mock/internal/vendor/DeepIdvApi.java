package dev.jobsdk.mock.internal.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.DeepIdvControl;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.Vendor;
import dev.jobsdk.mock.internal.ApiError;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.JobRecord;
import dev.jobsdk.mock.internal.JobView;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.Phase;
import dev.jobsdk.mock.internal.Seeds;
import dev.jobsdk.mock.internal.VendorApi;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import dev.jobsdk.mock.internal.web.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * DeepIDV: adverse-media screening ({@code POST /v1/screening/adverse-media}) and async jobs
 * ({@code GET /v1/async-jobs/{jobId}}). Error bodies are {@code {"message": ...}} (invented by the mock:
 * no JSON error schema is documented), except the documented plain-text 402.
 */
public final class DeepIdvApi extends VendorApi implements DeepIdvControl {

  static final String KIND = "adverse_media";
  static final String CANCELLED_ERROR = "Job was cancelled.";

  private static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
  private static final int IDEMPOTENCY_KEYS_KEPT = 10_000;
  private static final String QUEUED = "Screening job queued.";
  private static final String[] CATEGORIES = {"financial_crime", "terrorism", "regulatory", "political",
    "organized_crime", "violent_crime", "criminal_legal", "reputational", "court_records"};
  private static final String[] HEADLINES = {
    "Regulator fines %s over reporting failures",
    "Court records name %s in civil fraud case",
    "%s linked to offshore shell companies, report says",
    "Local paper reports inquiry into %s's business dealings"};

  private final Map<String, Org> orgs = new ConcurrentHashMap<>();
  private final Map<String, Replay> idempotency = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Replay> eldest) {
      return size() > IDEMPOTENCY_KEYS_KEPT;
    }
  };
  private final ConcurrentLinkedQueue<Lifecycle> next = new ConcurrentLinkedQueue<>();
  private volatile Lifecycle defaultLifecycle;

  /**
   * The person screened.
   *
   * @param email the email
   * @param firstName the first name
   * @param lastName the last name
   * @param dateOfBirth YYYY-MM-DD
   * @param country ISO 3166-1 alpha-2, or {@code null}
   */
  record Subject(String email, String firstName, String lastName, String dateOfBirth, String country) {
  }

  private record Replay(String jobId, Instant at) {
  }

  private static final class Org {
    final String apiKey;
    volatile boolean balance = true;

    Org(String apiKey) {
      this.apiKey = apiKey;
    }
  }

  /** @param engine the engine this vendor serves in */
  public DeepIdvApi(Engine engine) {
    super(engine);
    reset();
  }

  @Override
  public Vendor vendor() {
    return Vendor.DEEPIDV;
  }

  @Override
  public void reset() {
    orgs.clear();
    synchronized (idempotency) {
      idempotency.clear();
    }
    next.clear();
    defaultLifecycle = null;
    orgs.put(MockCredentials.DEEPIDV_ORG_A_KEY, new Org(MockCredentials.DEEPIDV_ORG_A_KEY));
    orgs.put(MockCredentials.DEEPIDV_ORG_B_KEY, new Org(MockCredentials.DEEPIDV_ORG_B_KEY));
  }

  @Override
  public String polledJobId(String method, String[] s) {
    return "GET".equals(method) && is(s, "v1", "async-jobs", null) ? s[2] : null;
  }

  @Override
  protected HttpResponse route(HttpRequest request, String[] s) {
    if (is(s, "v1", "screening", "adverse-media")) {
      return "POST".equals(request.method()) ? create(request) : message(405, "Method Not Allowed");
    }
    if (is(s, "v1", "async-jobs", null)) {
      return "GET".equals(request.method()) ? status(request, s[2]) : message(405, "Method Not Allowed");
    }
    return message(404, "Not Found");
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

  private static HttpResponse message(int status, String message) {
    return Json.response(status, Json.object().put("message", message));
  }

  private Org authenticate(HttpRequest request) {
    String key = request.header("x-api-key");
    if (key == null || key.isBlank()) {
      throw new ApiError(message(403, "Missing API key."));
    }
    Org org = orgs.get(key.trim());
    if (org == null) {
      throw new ApiError(message(401, "Invalid API key."));
    }
    return org;
  }

  // ------------------------------------------------------------------ create

  private HttpResponse create(HttpRequest request) {
    Org org = authenticate(request);
    JsonNode body = Json.parse(request.body());
    if (!(body instanceof ObjectNode)) {
      return message(400, "Request body must be a JSON object.");
    }
    List<String> problems = new ArrayList<>();
    String email = Json.text(body, "email");
    if (email == null || !looksLikeEmail(email)) {
      problems.add("email must be a valid email address");
    }
    String firstName = Json.text(body, "firstName");
    if (firstName == null || firstName.isEmpty() || firstName.length() > 255) {
      problems.add("firstName must be a string of 1 to 255 characters");
    }
    String lastName = Json.text(body, "lastName");
    if (lastName == null || lastName.isEmpty() || lastName.length() > 255) {
      problems.add("lastName must be a string of 1 to 255 characters");
    }
    String dateOfBirth = Json.text(body, "dateOfBirth");
    if (dateOfBirth == null || !isDate(dateOfBirth)) {
      problems.add("dateOfBirth must be a date in YYYY-MM-DD format");
    }
    JsonNode countryNode = body.get("country");
    String country = null;
    if (countryNode != null && !countryNode.isNull()) {
      country = countryNode.isTextual() ? countryNode.textValue() : null;
      if (country == null || country.length() != 2 || !Character.isLetter(country.charAt(0))
          || !Character.isLetter(country.charAt(1))) {
        problems.add("country must be an ISO 3166-1 alpha-2 code");
      }
    }
    if (!problems.isEmpty()) {
      return message(400, "Validation failed: " + String.join("; ", problems));
    }
    Subject subject = new Subject(email, firstName, lastName, dateOfBirth,
        country == null ? null : country.toUpperCase(java.util.Locale.ROOT));

    String idempotencyKey = request.header("Idempotency-Key");
    Instant now = engine.now();
    synchronized (idempotency) {
      if (idempotencyKey != null && !idempotencyKey.isBlank()) {
        Replay replay = idempotency.get(org.apiKey + '\n' + idempotencyKey);
        if (replay != null && now.isBefore(replay.at().plus(IDEMPOTENCY_WINDOW))) {
          JobRecord job = engine.store().get(replay.jobId());
          JobView view = job == null ? null : job.view(now);
          if (view != null && view.phase() != Phase.GONE) {
            return Json.response(200, accepted(job, statusWord(job, view)));
          }
        }
      }
      if (!org.balance) {
        return HttpResponse.text(402, "text/plain; charset=utf-8", "Insufficient funds or subscription.");
      }
      JobRecord job = createJob(org, subject, null);
      if (idempotencyKey != null && !idempotencyKey.isBlank()) {
        idempotency.put(org.apiKey + '\n' + idempotencyKey, new Replay(job.id(), now));
      }
      return Json.response(202, accepted(job, "pending"));
    }
  }

  private static ObjectNode accepted(JobRecord job, String status) {
    return Json.object().put("jobId", job.id()).put("status", status).put("message", QUEUED);
  }

  private static boolean looksLikeEmail(String email) {
    int at = email.indexOf('@');
    int dot = email.lastIndexOf('.');
    return at > 0 && at == email.lastIndexOf('@') && dot > at + 1 && dot < email.length() - 1
        && email.chars().noneMatch(Character::isWhitespace);
  }

  private static boolean isDate(String value) {
    if (value.length() != 10) {
      return false;
    }
    try {
      LocalDate.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private JobRecord createJob(Org org, Subject subject, Lifecycle explicit) {
    long seed = engine.nextJobSeed();
    Lifecycle lifecycle = chooseLifecycle(explicit, next::poll, defaultLifecycle, () -> defaultLifecycle(seed));
    JobRecord job = new JobRecord(Engine.jobId(seed), Vendor.DEEPIDV, KIND, org.apiKey, seed, engine.now(), null,
        lifecycle, 1, engine.config().deepIdvJobTtl(), subject);
    engine.store().add(job);
    return job;
  }

  private static Lifecycle defaultLifecycle(long seed) {
    SplittableRandom random = Engine.random(seed, 2);
    long total = Seeds.between(random, 30_000, 60_000);
    long queued = Seeds.between(random, 1_000, 5_000);
    long working = total - queued;
    long searching = working / 2;
    long corroborating = working * 3 / 10;
    return Lifecycle.builder().queued(Duration.ofMillis(queued))
        .stage("searching", Duration.ofMillis(searching), "Searching news, watchlists and court records...")
        .stage("corroborating", Duration.ofMillis(corroborating), "Corroborating findings...")
        .stage("scoring", Duration.ofMillis(working - searching - corroborating), "Scoring risk...")
        .build();
  }

  // ------------------------------------------------------------------ status

  private HttpResponse status(HttpRequest request, String id) {
    Org org = authenticate(request);
    if (!isUuid(id)) {
      return message(400, "Malformed job ID.");
    }
    JobRecord job = engine.store().get(id);
    JobView view = job == null || job.vendor() != Vendor.DEEPIDV ? null : job.view(engine.now());
    if (view == null || view.phase() == Phase.GONE) {
      return message(404, "Job not found.");
    }
    if (!job.owner().equals(org.apiKey)) {
      return message(403, "Forbidden: the job belongs to another organization.");
    }
    ObjectNode json = Json.object();
    json.put("jobId", job.id()).put("status", statusWord(job, view));
    long createdMillis = view.createdAt().toEpochMilli();
    json.put("createdAt", engine.config().deepIdvCreatedAtSeconds() ? createdMillis / 1000 : createdMillis);
    json.put("updatedAt", Json.isoMillis(view.updatedAt()));
    switch (view.phase()) {
      case SUCCEEDED -> json.set("result", result(job));
      case FAILED -> json.put("error", view.error() == null ? "upstream timeout" : view.error());
      case CANCELLED -> json.put("error", CANCELLED_ERROR);
      default -> { }
    }
    HttpResponse response = Json.response(200, json);
    return view.phase().terminal() ? response.terminalJobId(job.id()) : response;
  }

  private static ObjectNode result(JobRecord job) {
    Subject subject = job.data(Subject.class);
    SplittableRandom random = Engine.random(job.seed(), 3);
    int roll = random.nextInt(100);
    int hits = roll < 40 ? 0 : roll < 65 ? 1 : roll < 90 ? 2 : 3;
    int score = switch (hits) {
      case 0 -> (int) Seeds.between(random, 0, 15);
      case 1 -> (int) Seeds.between(random, 25, 45);
      case 2 -> (int) Seeds.between(random, 40, 70);
      default -> (int) Seeds.between(random, 70, 95);
    };
    String level = score < 25 ? "LOW" : score < 60 ? "MEDIUM" : score < 85 ? "HIGH" : "CRITICAL";
    String name = subject.firstName() + ' ' + subject.lastName();

    ObjectNode result = Json.object();
    result.put("totalHits", hits).put("riskLevel", level).put("riskScore", score);
    ArrayNode findings = Json.array();
    ObjectNode exposures = Json.object();
    for (String category : CATEGORIES) {
      exposures.putObject(category).put("hits", 0).putArray("articles");
    }
    boolean courtRecords = false;
    for (int i = 0; i < hits; i++) {
      String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
      String headline = String.format(HEADLINES[random.nextInt(HEADLINES.length)], name);
      boolean court = random.nextBoolean();
      courtRecords |= court;
      String date = LocalDate.of((int) Seeds.between(random, 2015, 2025), (int) Seeds.between(random, 1, 12),
          (int) Seeds.between(random, 1, 28)).toString();
      String url = "https://news.example/articles/" + Seeds.hex(random, 6);
      String severity = score >= 85 ? "CRITICAL" : score >= 60 ? "HIGH" : "MEDIUM";
      ObjectNode finding = findings.addObject();
      finding.put("findingId", "fnd_" + Seeds.hex(random, 8)).put("severity", severity)
          .put("category", category).put("title", headline)
          .put("detail", "Media coverage associates " + name + " with " + category.replace('_', ' ') + ".")
          .put("sourceUrl", url).put("sourceName", "Example News").put("articleDate", date)
          .put("confidence", Seeds.between(random, 60, 99) / 100.0);
      ArrayNode confirmedBy = finding.putArray("confirmedBy").add("news");
      if (court) {
        confirmedBy.add("court-records");
      }
      ObjectNode exposure = (ObjectNode) exposures.get(category);
      exposure.put("hits", exposure.get("hits").asInt() + 1);
      ((ArrayNode) exposure.get("articles")).addObject().put("timestamp", date + "T00:00:00.000Z")
          .put("headline", headline).put("sourceLink", url).put("source", "news");
    }
    result.put("summary", hits == 0 ? "No adverse-media findings."
        : (hits == 1 ? "One adverse-media finding" : numberWord(hits) + " adverse-media findings")
            + (courtRecords ? " corroborated by court records." : " in news coverage."));
    result.set("findings", findings);
    result.set("exposuresByCategory", exposures);
    return result;
  }

  private static String numberWord(int n) {
    return switch (n) {
      case 2 -> "Two";
      case 3 -> "Three";
      default -> Integer.toString(n);
    };
  }

  // ------------------------------------------------------------------ control

  private Org org(String apiKey) {
    Org org = orgs.get(Objects.requireNonNull(apiKey, "apiKey"));
    if (org == null) {
      throw new IllegalArgumentException("no DeepIDV organisation with API key " + apiKey);
    }
    return org;
  }

  @Override
  public DeepIdvControl defaultLifecycle(Lifecycle lifecycle) {
    this.defaultLifecycle = lifecycle;
    return this;
  }

  @Override
  public DeepIdvControl nextJob(Lifecycle lifecycle) {
    next.add(Objects.requireNonNull(lifecycle, "lifecycle"));
    return this;
  }

  @Override
  public String createJob(String apiKey, Lifecycle lifecycle) {
    Subject subject = new Subject("jane.doe@example.com", "Jane", "Doe", "1990-01-01", "CA");
    return createJob(org(apiKey), subject, lifecycle).id();
  }

  @Override
  public DeepIdvControl setBalance(String apiKey, boolean hasBalance) {
    org(apiKey).balance = hasBalance;
    return this;
  }

  @Override
  public DeepIdvControl addOrg(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank() || orgs.putIfAbsent(apiKey, new Org(apiKey)) != null) {
      throw new IllegalArgumentException("organisation key is blank or exists already: " + apiKey);
    }
    return this;
  }
}
