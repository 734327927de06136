package dev.jobsdk.mock.internal.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.DeepCurrentControl;
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
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * DeepCurrent: BD jobs and growth runs under {@code /api/v1}, FastAPI-style errors
 * {@code {"detail": ...}}. A growth run is stored as a BD job of kind {@code growth_run}, so
 * {@code GET /api/v1/bd/jobs/{run_id}} works for it too.
 */
public final class DeepCurrentApi extends VendorApi implements DeepCurrentControl {

  static final String BD_KIND = "bd_job";
  static final String GROWTH_KIND = "growth_run";

  private static final List<String> CAPABILITIES = List.of("qualification", "company_size", "contact_discovery",
      "email_lookup", "email_verify", "linkedin_enrich", "deliverable_finalize");
  private static final Map<String, List<String>> PRESETS = new LinkedHashMap<>();

  static {
    // full_pipeline as the documented example response resolves it
    PRESETS.put("full_pipeline",
        List.of("qualification", "contact_discovery", "email_lookup", "email_verify", "deliverable_finalize"));
    PRESETS.put("verify_existing_emails", List.of("email_verify", "deliverable_finalize"));
    PRESETS.put("company_size_and_email_verify", List.of("company_size", "email_verify", "deliverable_finalize"));
    PRESETS.put("enrich_contacts_from_companies",
        List.of("contact_discovery", "email_lookup", "email_verify", "deliverable_finalize"));
  }

  private static final List<String> GROWTH_CAPABILITIES = List.of("email_lookup", "email_verify");
  private static final int BD_JOB_CREDITS = 1;
  private static final int PAID_START_CREDITS = 10_000;
  private static final int FREE_START_CREDITS = 100;
  private static final long QUOTE_LIFETIME_SECONDS = 1800;
  private static final int DEFAULT_GROWTH_ROWS = 100;
  private static final int USED_QUOTES_KEPT = 100_000;
  private static final String PAID_REQUIRED = "This feature requires an active paid subscription.";

  private final Map<String, Account> accountsByKey = new ConcurrentHashMap<>();
  private final Map<String, Account> accountsByUserId = new ConcurrentHashMap<>();
  private final Map<String, Login> logins = new ConcurrentHashMap<>();
  private final Set<String> usedQuotes = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > USED_QUOTES_KEPT;
    }
  });
  private final ConcurrentLinkedQueue<Lifecycle> nextBd = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Lifecycle> nextGrowth = new ConcurrentLinkedQueue<>();
  private volatile Lifecycle defaultBd;
  private volatile Lifecycle defaultGrowth;

  /** One company of a job's input. */
  record Company(String name, String domain) {
  }

  /**
   * What a BD job or growth run was asked to do.
   *
   * @param preset the preset, or {@code null} when capabilities were requested
   * @param capabilities the resolved capabilities
   * @param warnings planning warnings
   * @param companies the companies to work on
   * @param contacts how many contacts the input had
   * @param growth growth-run details, or {@code null} for a plain BD job
   */
  record BdJob(String preset, List<String> capabilities, List<String> warnings, List<Company> companies,
      int contacts, Growth growth) {
  }

  /**
   * @param rows how many records the quote priced
   * @param credits what the run cost
   * @param pipelineId the goal plan's pipeline id
   */
  record Growth(int rows, int credits, String pipelineId) {
  }

  /** Result counts, derived from the job's seed. */
  record Numbers(int delivered, int verified, int unresolved) {
  }

  private record Login(String password, Account account) {
  }

  private static final class Account {
    final String apiKey;
    final String userId;
    final boolean paid;
    int credits;

    Account(String apiKey, boolean paid, int credits) {
      this.apiKey = apiKey;
      this.userId = UUID.nameUUIDFromBytes(("deepcurrent:" + apiKey).getBytes(StandardCharsets.UTF_8)).toString();
      this.paid = paid;
      this.credits = credits;
    }

    synchronized boolean charge(int amount) {
      if (credits < amount) {
        return false;
      }
      credits -= amount;
      return true;
    }

    synchronized int credits() {
      return credits;
    }

    synchronized void credits(int value) {
      credits = value;
    }
  }

  /** @param engine the engine this vendor serves in */
  public DeepCurrentApi(Engine engine) {
    super(engine);
    reset();
  }

  @Override
  public Vendor vendor() {
    return Vendor.DEEPCURRENT;
  }

  @Override
  public void reset() {
    accountsByKey.clear();
    accountsByUserId.clear();
    logins.clear();
    synchronized (usedQuotes) {
      usedQuotes.clear();
    }
    nextBd.clear();
    nextGrowth.clear();
    defaultBd = null;
    defaultGrowth = null;
    Account paid = register(MockCredentials.DEEPCURRENT_PAID_KEY, true, PAID_START_CREDITS);
    register(MockCredentials.DEEPCURRENT_FREE_KEY, false, FREE_START_CREDITS);
    logins.put(MockCredentials.DEEPCURRENT_LOGIN_EMAIL, new Login(MockCredentials.DEEPCURRENT_LOGIN_PASSWORD, paid));
  }

  private Account register(String apiKey, boolean paid, int credits) {
    Account account = new Account(apiKey, paid, credits);
    accountsByKey.put(apiKey, account);
    accountsByUserId.put(account.userId, account);
    return account;
  }

  // ------------------------------------------------------------------ routing

  @Override
  public String polledJobId(String method, String[] s) {
    return "GET".equals(method) && (is(s, "api", "v1", "bd", "jobs", null) || is(s, "api", "v1", "growth", "runs", null))
        ? s[4] : null;
  }

  @Override
  protected HttpResponse route(HttpRequest request, String[] s) {
    String method = request.method();
    if (is(s, "api", "v1", "login", "access-token")) {
      return "POST".equals(method) ? login(request) : methodNotAllowed();
    }
    if (is(s, "api", "v1", "bd", "jobs")) {
      return "POST".equals(method) ? createBd(request) : methodNotAllowed();
    }
    if (is(s, "api", "v1", "bd", "jobs", null)) {
      return "GET".equals(method) ? bdStatus(request, s[4]) : methodNotAllowed();
    }
    if (is(s, "api", "v1", "bd", "jobs", null, "result")) {
      return "GET".equals(method) ? bdResult(request, s[4]) : methodNotAllowed();
    }
    if (is(s, "api", "v1", "bd", "jobs", null, "assets", null)) {
      return "GET".equals(method) ? asset(request, s[4], s[6]) : methodNotAllowed();
    }
    if (is(s, "api", "v1", "growth", "resolve")) {
      return "POST".equals(method) ? resolve(request) : methodNotAllowed();
    }
    if (is(s, "api", "v1", "growth", "quote")) {
      return "POST".equals(method) ? quote(request) : methodNotAllowed();
    }
    if (is(s, "api", "v1", "growth", "run")) {
      return "POST".equals(method) ? run(request) : methodNotAllowed();
    }
    if (is(s, "api", "v1", "growth", "runs", null)) {
      return "GET".equals(method) ? growthStatus(request, s[4]) : methodNotAllowed();
    }
    return detail(404, "Not Found");
  }

  @Override
  public HttpResponse faultResponse(int status, HttpRequest request) {
    return detail(status, HttpStatus.reason(status));
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

  // ------------------------------------------------------------------ errors

  private static HttpResponse detail(int status, String detail) {
    return Json.response(status, Json.object().put("detail", detail));
  }

  private static HttpResponse methodNotAllowed() {
    return detail(405, "Method Not Allowed");
  }

  private static ApiError error(int status, String detail) {
    return new ApiError(detail(status, detail));
  }

  private static ApiError unauthorized(String detail) {
    return new ApiError(detail(401, detail).header("WWW-Authenticate", "Bearer"));
  }

  private static ObjectNode issue(String type, String msg, Object... loc) {
    ObjectNode issue = Json.object();
    ArrayNode path = issue.putArray("loc");
    for (Object part : loc) {
      if (part instanceof Integer i) {
        path.add(i);
      } else {
        path.add(String.valueOf(part));
      }
    }
    return issue.put("msg", msg).put("type", type);
  }

  private static void failValidation(ArrayNode issues) {
    if (!issues.isEmpty()) {
      throw unprocessable(issues);
    }
  }

  private static ApiError unprocessable(ArrayNode issues) {
    ObjectNode body = Json.object();
    body.set("detail", issues);
    return new ApiError(Json.response(422, body));
  }

  private static ObjectNode jsonBody(HttpRequest request) {
    JsonNode body = Json.parse(request.body());
    if (body instanceof ObjectNode object) {
      return object;
    }
    ArrayNode issues = Json.array();
    if (body != null) {
      issues.add(issue("model_attributes_type", "Input should be a valid dictionary or object to extract fields from",
          "body"));
    } else if (request.body().length == 0) {
      issues.add(issue("missing", "Field required", "body"));
    } else {
      issues.add(issue("json_invalid", "JSON decode error", "body"));
    }
    throw unprocessable(issues);
  }

  private static boolean present(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  private static void requireObjectIfPresent(ObjectNode body, String field, ArrayNode issues) {
    if (present(body, field) && !body.get(field).isObject()) {
      issues.add(issue("dict_type", "Input should be a valid dictionary", "body", field));
    }
  }

  private static void requireUuidIfPresent(ObjectNode body, String field, ArrayNode issues) {
    if (present(body, field) && !(body.get(field).isTextual() && isUuid(body.get(field).textValue()))) {
      issues.add(issue("uuid_parsing", "Input should be a valid UUID", "body", field));
    }
  }

  // ------------------------------------------------------------------ auth

  private Account authenticate(HttpRequest request) {
    String authorization = request.header("Authorization");
    String token;
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw unauthorized("Not authenticated");
      }
      token = authorization.substring(7).trim();
    } else {
      String key = request.header("X-API-Key");
      token = key == null ? null : key.trim();
    }
    if (token == null || token.isEmpty()) {
      throw unauthorized("Not authenticated");
    }
    if (token.startsWith("dc_")) {
      Account account = accountsByKey.get(token);
      if (account == null) {
        throw unauthorized("Invalid API key");
      }
      return account;
    }
    ObjectNode signed = engine.tokens().claimsIfSigned(token);
    if (signed == null || !"access".equals(Json.text(signed, "typ"))) {
      throw unauthorized("Could not validate credentials");
    }
    if (engine.tokens().verify(token, engine.now()) == null) {
      throw unauthorized("Token has expired");
    }
    Account account = accountsByUserId.get(Json.text(signed, "sub"));
    if (account == null) {
      throw unauthorized("Could not validate credentials");
    }
    return account;
  }

  private static void requirePaid(Account account) {
    if (!account.paid) {
      throw error(403, PAID_REQUIRED);
    }
  }

  private HttpResponse login(HttpRequest request) {
    Map<String, String> form = parseForm(request.bodyText());
    ArrayNode issues = Json.array();
    if (!form.containsKey("username")) {
      issues.add(issue("missing", "Field required", "body", "username"));
    }
    if (!form.containsKey("password")) {
      issues.add(issue("missing", "Field required", "body", "password"));
    }
    failValidation(issues);
    Login login = logins.get(form.get("username"));
    if (login == null || !login.password().equals(form.get("password"))) {
      return detail(400, "Incorrect email or password");
    }
    ObjectNode claims = Json.object().put("sub", login.account().userId).put("typ", "access");
    String token = engine.tokens().issue(claims, engine.now(), engine.config().tokenLifetime().toSeconds());
    return Json.response(200, Json.object().put("access_token", token).put("token_type", "bearer"));
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        form.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed escape: ignore the pair, as if it was not sent
      }
    }
    return form;
  }

  // ------------------------------------------------------------------ BD jobs

  private HttpResponse createBd(HttpRequest request) {
    Account account = authenticate(request);
    requirePaid(account);
    ObjectNode body = jsonBody(request);
    ArrayNode issues = Json.array();
    String preset = null;
    List<String> requested = null;
    if (present(body, "preset")) {
      JsonNode value = body.get("preset");
      if (value.isTextual() && PRESETS.containsKey(value.textValue())) {
        preset = value.textValue();
      } else {
        issues.add(issue("enum", "Input should be 'full_pipeline', 'verify_existing_emails', "
            + "'company_size_and_email_verify' or 'enrich_contacts_from_companies'", "body", "preset"));
      }
    }
    if (present(body, "requested_capabilities")) {
      JsonNode value = body.get("requested_capabilities");
      if (!value.isArray()) {
        issues.add(issue("list_type", "Input should be a valid list", "body", "requested_capabilities"));
      } else if (value.isEmpty()) {
        issues.add(issue("too_short", "List should have at least 1 item after validation, not 0", "body",
            "requested_capabilities"));
      } else {
        requested = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          JsonNode item = value.get(i);
          if (item.isTextual() && CAPABILITIES.contains(item.textValue())) {
            requested.add(item.textValue());
          } else {
            issues.add(issue("enum", "Input should be one of " + String.join(", ", CAPABILITIES), "body",
                "requested_capabilities", i));
          }
        }
      }
    }
    boolean hasPreset = present(body, "preset");
    boolean hasCapabilities = present(body, "requested_capabilities");
    if (hasPreset && hasCapabilities) {
      issues.add(issue("value_error",
          "Value error, preset and requested_capabilities are mutually exclusive", "body"));
    } else if (!hasPreset && !hasCapabilities) {
      issues.add(issue("value_error", "Value error, either preset or requested_capabilities is required", "body"));
    }
    requireObjectIfPresent(body, "input_assets", issues);
    requireObjectIfPresent(body, "icp_config", issues);
    requireObjectIfPresent(body, "execution_options", issues);
    requireUuidIfPresent(body, "chat_id", issues);
    failValidation(issues);

    if (!account.charge(BD_JOB_CREDITS)) {
      return detail(402, "Insufficient credits: a BD job needs " + BD_JOB_CREDITS + " credit, "
          + account.credits() + " available.");
    }
    List<String> capabilities = preset != null ? PRESETS.get(preset) : canonical(requested);
    JsonNode inputAssets = body.get("input_assets");
    JobRecord job = createJob(account, BD_KIND, planBd(preset, capabilities, inputAssets), null);
    JobView view = job.view(engine.now());
    BdJob data = job.data(BdJob.class);
    ObjectNode created = Json.object();
    created.put("job_id", job.id()).put("status", "pending").put("progress_percent", 0);
    Json.putNullable(created, "preset", data.preset());
    created.set("requested_capabilities", Json.array(data.capabilities()));
    created.set("warnings", Json.array(data.warnings()));
    created.put("created_at", Json.iso(view.createdAt()));
    return Json.response(202, created);
  }

  private static List<String> canonical(List<String> requested) {
    Set<String> wanted = new LinkedHashSet<>(requested);
    wanted.add("deliverable_finalize");
    List<String> ordered = new ArrayList<>();
    for (String capability : CAPABILITIES) {
      if (wanted.contains(capability)) {
        ordered.add(capability);
      }
    }
    return List.copyOf(ordered);
  }

  private static BdJob planBd(String preset, List<String> capabilities, JsonNode inputAssets) {
    List<Company> companies = new ArrayList<>();
    int contacts = 0;
    if (inputAssets != null && inputAssets.isObject()) {
      JsonNode given = inputAssets.get("companies");
      if (given != null && given.isArray()) {
        for (JsonNode company : given) {
          String name = company.isTextual() ? company.textValue()
              : firstText(company, "company_name", "name", "website", "domain");
          String website = company.isObject() ? firstText(company, "website", "domain") : null;
          if (name != null) {
            companies.add(new Company(name, website == null ? SampleData.domain(name) : host(website)));
          }
        }
      }
      JsonNode givenContacts = inputAssets.get("contacts");
      contacts = givenContacts != null && givenContacts.isArray() ? givenContacts.size() : 0;
    }
    List<String> warnings = new ArrayList<>();
    boolean needsCompanies = capabilities.contains("qualification") || capabilities.contains("company_size")
        || capabilities.contains("contact_discovery");
    if (companies.isEmpty() && needsCompanies) {
      warnings.add("No companies in input_assets; the mock processes 2 sample companies.");
    }
    if (companies.isEmpty()) {
      companies.add(new Company(SampleData.COMPANIES[0], SampleData.domain(SampleData.COMPANIES[0])));
      companies.add(new Company(SampleData.COMPANIES[1], SampleData.domain(SampleData.COMPANIES[1])));
    }
    if (contacts == 0 && !capabilities.contains("contact_discovery")) {
      warnings.add("No contacts in input_assets; the mock processes 20 sample contacts.");
      contacts = 20;
    }
    return new BdJob(preset, List.copyOf(capabilities), List.copyOf(warnings), List.copyOf(companies), contacts, null);
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      String value = Json.text(node, field);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static String host(String website) {
    try {
      String host = URI.create(website.contains("://") ? website : "https://" + website).getHost();
      if (host != null) {
        return host.startsWith("www.") ? host.substring(4) : host;
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    return SampleData.domain(website);
  }

  private JobRecord createJob(Account account, String kind, BdJob data, Lifecycle explicit) {
    long seed = engine.nextJobSeed();
    Numbers numbers = numbers(seed, data);
    boolean growth = GROWTH_KIND.equals(kind);
    Lifecycle lifecycle = chooseLifecycle(explicit, growth ? nextGrowth::poll : nextBd::poll,
        growth ? defaultGrowth : defaultBd,
        () -> growth ? defaultGrowthLifecycle(seed) : defaultBdLifecycle(seed, data, numbers));
    JobRecord job = new JobRecord(Engine.jobId(seed), Vendor.DEEPCURRENT, kind, account.apiKey, seed, engine.now(),
        null, lifecycle, 1, null, data);
    engine.store().add(job);
    return job;
  }

  private static Lifecycle defaultBdLifecycle(long seed, BdJob data, Numbers numbers) {
    SplittableRandom random = Engine.random(seed, 2);
    int companies = data.companies().size();
    int contacts = numbers.delivered();
    Lifecycle.Builder builder = Lifecycle.builder().queued(Duration.ofSeconds(Seeds.between(random, 2, 8)));
    for (String capability : data.capabilities()) {
      switch (capability) {
        case "qualification" -> builder.stage(capability, seconds(random, 30, 90),
            "Qualifying " + companies + " " + plural(companies, "company", "companies") + " against the ICP...");
        case "company_size" -> builder.stage(capability, seconds(random, 20, 60),
            "Estimating company size for " + companies + " " + plural(companies, "company", "companies") + "...");
        case "contact_discovery" -> builder.stage(capability, seconds(random, 60, 180),
            "Discovering contacts at " + companies + " " + plural(companies, "company", "companies") + "...");
        case "email_lookup" -> builder.stage(capability, seconds(random, 40, 120),
            "Looking up email addresses for " + contacts + " contacts...");
        case "email_verify" -> builder.stage(capability, seconds(random, 30, 90),
            "Verifying " + contacts + " email addresses...");
        case "linkedin_enrich" -> builder.stage(capability, seconds(random, 30, 90),
            "Enriching " + contacts + " contacts from LinkedIn...");
        default -> builder.stage(capability, seconds(random, 5, 15), "Finalizing deliverables...");
      }
    }
    return builder.build();
  }

  private static Lifecycle defaultGrowthLifecycle(long seed) {
    SplittableRandom random = Engine.random(seed, 2);
    return Lifecycle.builder().queued(Duration.ofSeconds(Seeds.between(random, 2, 8)))
        .stage("email_lookup", seconds(random, 60, 150), "Discovering email addresses...")
        .stage("email_verify", seconds(random, 30, 90), "Verifying email addresses...")
        .build();
  }

  private static Duration seconds(SplittableRandom random, int min, int max) {
    return Duration.ofSeconds(Seeds.between(random, min, max));
  }

  private static String plural(int n, String one, String many) {
    return n == 1 ? one : many;
  }

  private static Numbers numbers(long seed, BdJob data) {
    SplittableRandom random = Engine.random(seed, 3);
    if (data.growth() != null) {
      int rows = data.growth().rows();
      int unresolved = Math.max(1, (int) (rows * Seeds.between(random, 3, 8) / 100));
      int delivered = rows - unresolved;
      return new Numbers(delivered, delivered * (int) Seeds.between(random, 75, 90) / 100, unresolved);
    }
    int delivered = data.capabilities().contains("contact_discovery")
        ? data.companies().size() * (int) Seeds.between(random, 6, 12)
        : data.contacts();
    int verified = data.capabilities().contains("email_verify")
        ? delivered * (int) Seeds.between(random, 70, 90) / 100 : 0;
    return new Numbers(delivered, verified, 0);
  }

  private record Found(JobRecord job, JobView view) {
  }

  private Found owned(Account account, String id, boolean growthOnly) {
    JobRecord job = engine.store().get(id);
    String missing = growthOnly ? "Run not found" : "Job not found";
    if (job == null || job.vendor() != Vendor.DEEPCURRENT || !job.owner().equals(account.apiKey)
        || (growthOnly && !GROWTH_KIND.equals(job.kind()))) {
      throw error(404, missing);
    }
    JobView view = job.view(engine.now());
    if (view == null || view.phase() == Phase.GONE) {
      throw error(404, missing);
    }
    return new Found(job, view);
  }

  private HttpResponse bdStatus(HttpRequest request, String id) {
    Found found = owned(authenticate(request), id, false);
    JobRecord job = found.job();
    JobView view = found.view();
    BdJob data = job.data(BdJob.class);
    ObjectNode status = Json.object();
    status.put("job_id", job.id()).put("status", statusWord(job, view)).put("progress_percent", view.percent())
        .put("progress_message", progressMessage(job, view));
    Json.putNullable(status, "preset", data.preset());
    status.set("requested_capabilities", Json.array(data.capabilities()));
    status.set("warnings", Json.array(data.warnings()));
    Json.putNullable(status, "error_message", view.phase() == Phase.FAILED ? view.error() : null);
    status.put("created_at", Json.iso(view.createdAt())).put("updated_at", Json.iso(view.updatedAt()));
    Json.putNullable(status, "started_at", view.startedAt() == null ? null : Json.iso(view.startedAt()));
    Json.putNullable(status, "completed_at", view.completedAt() == null ? null : Json.iso(view.completedAt()));
    return shown(Json.response(200, status), job, view);
  }

  private static HttpResponse shown(HttpResponse response, JobRecord job, JobView view) {
    return view.phase().terminal() ? response.terminalJobId(job.id()) : response;
  }

  private static String progressMessage(JobRecord job, JobView view) {
    return switch (view.phase()) {
      case PENDING -> "Job queued.";
      case RUNNING -> view.stageIndex() >= 0 ? job.lifecycle().stages().get(view.stageIndex()).message() : "Job running.";
      case SUCCEEDED -> "Job complete.";
      case FAILED -> "Job failed.";
      case CANCELLED -> "Job cancelled.";
      case GONE -> "Job expired.";
    };
  }

  private HttpResponse bdResult(HttpRequest request, String id) {
    Found found = owned(authenticate(request), id, false);
    JobRecord job = found.job();
    JobView view = found.view();
    BdJob data = job.data(BdJob.class);
    boolean done = view.phase() == Phase.SUCCEEDED;
    ObjectNode result = Json.object();
    Json.putNullable(result, "result_id", done ? resultId(job) : null);
    result.put("job_id", job.id()).put("status", statusWord(job, view)).put("progress_percent", view.percent())
        .put("progress_message", progressMessage(job, view));
    ObjectNode summary = result.putObject("summary");
    ArrayNode assets = Json.array();
    if (done) {
      Numbers numbers = numbers(job.seed(), data);
      summary.put("delivered_contacts", numbers.delivered()).put("verified_emails", numbers.verified())
          .put("companies_processed", data.growth() == null ? data.companies().size() : 0);
      assets.add(assetJson(job, "verified_contacts", "Verified Contacts", "contacts", "application/json"));
      assets.add(assetJson(job, "verified_contacts_csv", "Verified Contacts (CSV)", "export", "text/csv"));
    }
    result.set("warnings", Json.array(data.warnings()));
    result.set("result_assets", assets);
    result.put("created_at", Json.iso(done ? view.completedAt() : view.createdAt()));
    Json.putNullable(result, "completed_at", view.completedAt() == null ? null : Json.iso(view.completedAt()));
    return Json.response(200, result);
  }

  private static String resultId(JobRecord job) {
    return Seeds.uuid(Seeds.mix(job.seed(), 4)).toString();
  }

  private static ObjectNode assetJson(JobRecord job, String id, String label, String kind, String mime) {
    return Json.object().put("asset_id", id).put("label", label).put("kind", kind).put("mime_type", mime)
        .put("availability", "inline").put("download_url", "/api/v1/bd/jobs/" + job.id() + "/assets/" + id);
  }

  private HttpResponse asset(HttpRequest request, String id, String assetId) {
    Found found = owned(authenticate(request), id, false);
    if (!"verified_contacts".equals(assetId) && !"verified_contacts_csv".equals(assetId)) {
      return detail(404, "Asset not found");
    }
    if (found.view().phase() != Phase.SUCCEEDED) {
      return detail(404, "Asset not available: the job has not completed.");
    }
    ArrayNode contacts = contacts(found.job());
    if ("verified_contacts".equals(assetId)) {
      return Json.response(200, contacts)
          .header("Content-Disposition", "attachment; filename=\"verified_contacts.json\"");
    }
    StringBuilder csv = new StringBuilder("first_name,last_name,title,email,email_status,company_name,website\r\n");
    for (JsonNode c : contacts) {
      csv.append(c.get("first_name").asText()).append(',').append(c.get("last_name").asText()).append(',')
          .append(c.get("title").asText()).append(',').append(c.get("email").asText()).append(',')
          .append(c.get("email_status").asText()).append(',').append(c.get("company_name").asText())
          .append(',').append(c.get("website").asText()).append("\r\n");
    }
    return HttpResponse.text(200, "text/csv; charset=utf-8", csv.toString())
        .header("Content-Disposition", "attachment; filename=\"verified_contacts.csv\"");
  }

  private static ArrayNode contacts(JobRecord job) {
    BdJob data = job.data(BdJob.class);
    Numbers numbers = numbers(job.seed(), data);
    SplittableRandom random = Engine.random(job.seed(), 5);
    ArrayNode contacts = Json.array();
    for (int i = 0; i < numbers.delivered(); i++) {
      Company company = data.companies().get(i % data.companies().size());
      String first = SampleData.pick(random, SampleData.FIRST_NAMES);
      String last = SampleData.pick(random, SampleData.LAST_NAMES);
      contacts.addObject().put("first_name", first).put("last_name", last)
          .put("title", SampleData.pick(random, SampleData.TITLES))
          .put("email", first.toLowerCase(java.util.Locale.ROOT) + '.' + last.toLowerCase(java.util.Locale.ROOT)
              + '@' + company.domain())
          .put("email_status", i < numbers.verified() ? "valid" : "unverified")
          .put("company_name", company.name()).put("website", "https://" + company.domain());
    }
    return contacts;
  }

  // ------------------------------------------------------------------ growth

  private HttpResponse resolve(HttpRequest request) {
    authenticate(request);
    ObjectNode body = jsonBody(request);
    ArrayNode issues = Json.array();
    JsonNode goal = body.get("goal_text");
    if (goal == null || goal.isNull()) {
      issues.add(issue("missing", "Field required", "body", "goal_text"));
    } else if (!goal.isTextual()) {
      issues.add(issue("string_type", "Input should be a valid string", "body", "goal_text"));
    } else if (goal.textValue().length() < 3) {
      issues.add(issue("string_too_short", "String should have at least 3 characters", "body", "goal_text"));
    } else if (goal.textValue().length() > 2000) {
      issues.add(issue("string_too_long", "String should have at most 2000 characters", "body", "goal_text"));
    }
    requireObjectIfPresent(body, "constraints", issues);
    requireObjectIfPresent(body, "input_assets", issues);
    requireObjectIfPresent(body, "icp_config", issues);
    failValidation(issues);
    ObjectNode assets = body.has("input_assets") && body.get("input_assets").isObject()
        ? ((ObjectNode) body.get("input_assets")).deepCopy() : Json.object();
    if (!assets.has("companies")) {
      assets.putArray("companies");
    }
    ObjectNode response = Json.object();
    response.put("goal_type", "email_discovery").put("coverage_mode", "sufficient")
        .put("execution_strategy", "enrichment_only").put("quotable", true);
    response.putArray("missing_requirements");
    response.put("suggested_next_action", "Call POST /api/v1/growth/quote with goal_plan.");
    ObjectNode plan = response.putObject("goal_plan");
    plan.put("pipeline_id", "email_discovery_v1").put("preset", "full_pipeline");
    plan.set("input_assets", assets);
    if (body.get("constraints") instanceof ObjectNode constraints) {
      plan.set("constraints", constraints.deepCopy());
    }
    ObjectNode output = plan.putObject("output");
    output.putArray("required_fields").add("email");
    output.put("preview_rows", 10);
    response.set("normalized_input_assets", assets.deepCopy());
    return Json.response(200, response);
  }

  private static int rows(JsonNode plan) {
    JsonNode count = plan.path("constraints").path("count");
    if (count.canConvertToInt() && count.asInt() > 0) {
      return Math.min(count.asInt(), 100_000);
    }
    int given = plan.path("input_assets").path("contacts").size() + plan.path("input_assets").path("companies").size();
    return given > 0 ? given : DEFAULT_GROWTH_ROWS;
  }

  private static int creditsFor(int rows) {
    return (rows * 9 + 1) / 2;
  }

  private HttpResponse quote(HttpRequest request) {
    Account account = authenticate(request);
    ObjectNode body = jsonBody(request);
    ArrayNode issues = Json.array();
    JsonNode plan = body.get("goal_plan");
    if (plan == null || plan.isNull()) {
      issues.add(issue("missing", "Field required", "body", "goal_plan"));
    } else if (!plan.isObject()) {
      issues.add(issue("dict_type", "Input should be a valid dictionary", "body", "goal_plan"));
    }
    JsonNode cap = body.get("max_external_spend_credits");
    if (cap != null && !cap.isNull() && !cap.canConvertToInt()) {
      issues.add(issue("int_type", "Input should be a valid integer", "body", "max_external_spend_credits"));
    }
    requireUuidIfPresent(body, "chat_id", issues);
    failValidation(issues);

    ObjectNode normalized = ((ObjectNode) plan).deepCopy();
    if (!normalized.has("pipeline_id")) {
      normalized.put("pipeline_id", "email_discovery_v1");
    }
    if (!normalized.has("preset")) {
      normalized.put("preset", "full_pipeline");
    }
    int rows = rows(normalized);
    int credits = creditsFor(rows);
    boolean quotable = cap == null || cap.isNull() || cap.asInt() >= credits;
    Instant now = engine.now();
    ObjectNode response = Json.object();
    response.put("ok", quotable).put("quotable", quotable);
    if (quotable) {
      ObjectNode claims = Json.object().put("sub", account.userId).put("typ", "quote")
          .put("rows", rows).put("credits", credits);
      response.put("quote_token", engine.tokens().issue(claims, now, QUOTE_LIFETIME_SECONDS));
      response.put("expiry", Json.iso(Instant.ofEpochSecond(now.getEpochSecond() + QUOTE_LIFETIME_SECONDS)));
    } else {
      response.putNull("quote_token");
      response.putNull("expiry");
    }
    response.put("credits_total", credits);
    response.putObject("cost_breakdown").put("enrichment", credits);
    response.putObject("provider_estimate").put("internal_records", rows * 7 / 10)
        .put("external_lookups", rows - rows * 7 / 10);
    response.putObject("expected_artifacts").put("verified_emails", rows * 8 / 10).put("enriched_contacts", rows);
    response.set("goal_plan", normalized);
    response.putArray("missing_requirements");
    if (quotable) {
      response.putNull("error_code");
      response.putNull("detail");
      response.put("suggested_next_action", "Call POST /api/v1/growth/run with quote_token and goal_plan.");
    } else {
      response.put("error_code", "max_external_spend_too_low");
      response.put("detail", "Estimated cost " + credits + " credits exceeds max_external_spend_credits "
          + cap.asInt() + ".");
      response.put("suggested_next_action", "Raise max_external_spend_credits to at least " + credits + ".");
    }
    return Json.response(200, response);
  }

  private HttpResponse run(HttpRequest request) {
    Account account = authenticate(request);
    requirePaid(account);
    ObjectNode body = jsonBody(request);
    ArrayNode issues = Json.array();
    JsonNode token = body.get("quote_token");
    if (token == null || token.isNull()) {
      issues.add(issue("missing", "Field required", "body", "quote_token"));
    } else if (!token.isTextual()) {
      issues.add(issue("string_type", "Input should be a valid string", "body", "quote_token"));
    }
    JsonNode plan = body.get("goal_plan");
    if (plan == null || plan.isNull()) {
      issues.add(issue("missing", "Field required", "body", "goal_plan"));
    } else if (!plan.isObject()) {
      issues.add(issue("dict_type", "Input should be a valid dictionary", "body", "goal_plan"));
    }
    requireUuidIfPresent(body, "chat_id", issues);
    failValidation(issues);

    ObjectNode claims = engine.tokens().claimsIfSigned(token.textValue());
    if (claims == null || !"quote".equals(Json.text(claims, "typ"))) {
      return detail(403, "Invalid quote token.");
    }
    if (!account.userId.equals(Json.text(claims, "sub"))) {
      return detail(403, "Quote token does not belong to this account.");
    }
    String quoteId = Json.text(claims, "jti");
    synchronized (usedQuotes) {
      if (usedQuotes.contains(quoteId)) {
        return detail(403, "Quote token has already been used.");
      }
    }
    if (engine.tokens().verify(token.textValue(), engine.now()) == null) {
      return detail(403, "Quote token has expired.");
    }
    int credits = claims.path("credits").asInt();
    int rows = claims.path("rows").asInt(DEFAULT_GROWTH_ROWS);
    synchronized (usedQuotes) {
      if (!usedQuotes.add(quoteId)) {
        return detail(403, "Quote token has already been used.");
      }
    }
    if (!account.charge(credits)) {
      synchronized (usedQuotes) {
        usedQuotes.remove(quoteId);
      }
      return detail(402, "Insufficient credits: this run needs " + credits + " credits, "
          + account.credits() + " available.");
    }
    String preset = Json.text(plan, "preset");
    String pipeline = Objects.requireNonNullElse(preset, "full_pipeline");
    JobRecord job = createJob(account, GROWTH_KIND, growthJob(pipeline, rows, credits, Json.text(plan, "pipeline_id")), null);
    ObjectNode response = Json.object();
    response.put("status", "running").put("run_id", job.id());
    response.putObject("preview").put("message", "Enrichment has been queued.").put("pipeline_id", pipeline);
    response.putObject("data_source_mix");
    response.putObject("gap_report");
    return Json.response(202, response);
  }

  private static BdJob growthJob(String preset, int rows, int credits, String pipelineId) {
    List<Company> companies = List.of(new Company(SampleData.COMPANIES[2], SampleData.domain(SampleData.COMPANIES[2])),
        new Company(SampleData.COMPANIES[3], SampleData.domain(SampleData.COMPANIES[3])));
    return new BdJob(preset, GROWTH_CAPABILITIES, List.of(), companies, rows,
        new Growth(rows, credits, pipelineId == null ? "email_discovery_v1" : pipelineId));
  }

  private HttpResponse growthStatus(HttpRequest request, String id) {
    Account account = authenticate(request);
    requirePaid(account);
    Found found = owned(account, id, true);
    JobRecord job = found.job();
    JobView view = found.view();
    BdJob data = job.data(BdJob.class);
    ObjectNode run = Json.object();
    run.put("run_id", job.id()).put("status", statusWord(job, view));
    ObjectNode stages = run.putObject("stage_status");
    List<Lifecycle.Stage> scripted = job.lifecycle().stages();
    for (int i = 0; i < scripted.size() && view.phase() != Phase.PENDING; i++) {
      String state;
      if (i < view.stageIndex() || view.phase() == Phase.SUCCEEDED) {
        state = "completed";
      } else if (i == view.stageIndex()) {
        state = switch (view.phase()) {
          case FAILED -> "failed";
          case CANCELLED -> "cancelled";
          default -> "running";
        };
      } else {
        break;
      }
      stages.put(scripted.get(i).name(), state);
    }
    String message = switch (view.phase()) {
      case PENDING -> "Run queued.";
      case RUNNING -> view.stageIndex() >= 0 ? scripted.get(view.stageIndex()).message() : "Run in progress.";
      case SUCCEEDED -> "Run complete.";
      case FAILED -> view.error() == null ? "Run failed." : view.error();
      default -> "Run cancelled.";
    };
    run.putObject("progress").put("percent", view.percent()).put("message", message);
    ArrayNode results = run.putArray("result_handles");
    ArrayNode artifacts = run.putArray("artifact_handles");
    ArrayNode exports = run.putArray("export_handles");
    ObjectNode preview = run.putObject("preview");
    ObjectNode mix = run.putObject("data_source_mix");
    ObjectNode gaps = run.putObject("gap_report");
    if (view.phase() == Phase.SUCCEEDED) {
      Numbers numbers = numbers(job.seed(), data);
      results.addObject().put("result_id", resultId(job)).put("tool_name", "growth_plan");
      ObjectNode artifact = assetJson(job, "verified_contacts", "Verified Contacts", "contacts", "application/json");
      artifact.remove("availability");
      artifacts.add(artifact);
      exports.addObject().put("asset_id", "verified_contacts_csv").put("label", "Verified Contacts (CSV)")
          .put("format", "csv").put("mime_type", "text/csv")
          .put("download_url", "/api/v1/bd/jobs/" + job.id() + "/assets/verified_contacts_csv");
      preview.putObject("delivered_counts").put("delivered_contacts", numbers.delivered())
          .put("verified_emails", numbers.verified());
      preview.putObject("pricing").put("credits_charged", data.growth().credits())
          .put("rebate_credits", creditsFor(numbers.unresolved()));
      mix.put("enriched", numbers.delivered());
      gaps.put("unresolved", numbers.unresolved());
    }
    return shown(Json.response(200, run), job, view);
  }

  // ------------------------------------------------------------------ control

  private Account account(String apiKey) {
    Account account = accountsByKey.get(Objects.requireNonNull(apiKey, "apiKey"));
    if (account == null) {
      throw new IllegalArgumentException("no DeepCurrent account with API key " + apiKey);
    }
    return account;
  }

  @Override
  public DeepCurrentControl defaultBdLifecycle(Lifecycle lifecycle) {
    this.defaultBd = lifecycle;
    return this;
  }

  @Override
  public DeepCurrentControl nextBdJob(Lifecycle lifecycle) {
    nextBd.add(Objects.requireNonNull(lifecycle, "lifecycle"));
    return this;
  }

  @Override
  public String createBdJob(String apiKey, String preset, Lifecycle lifecycle) {
    Account account = account(apiKey);
    List<String> capabilities = PRESETS.get(Objects.requireNonNull(preset, "preset"));
    if (capabilities == null) {
      throw new IllegalArgumentException("unknown preset " + preset + "; use one of " + PRESETS.keySet());
    }
    return createJob(account, BD_KIND, planBd(preset, capabilities, null), lifecycle).id();
  }

  @Override
  public DeepCurrentControl defaultGrowthLifecycle(Lifecycle lifecycle) {
    this.defaultGrowth = lifecycle;
    return this;
  }

  @Override
  public DeepCurrentControl nextGrowthRun(Lifecycle lifecycle) {
    nextGrowth.add(Objects.requireNonNull(lifecycle, "lifecycle"));
    return this;
  }

  @Override
  public String createGrowthRun(String apiKey, Lifecycle lifecycle) {
    Account account = account(apiKey);
    return createJob(account, GROWTH_KIND,
        growthJob("full_pipeline", DEFAULT_GROWTH_ROWS, creditsFor(DEFAULT_GROWTH_ROWS), null), lifecycle).id();
  }

  @Override
  public DeepCurrentControl setCredits(String apiKey, int credits) {
    if (credits < 0) {
      throw new IllegalArgumentException("credits must not be negative, was " + credits);
    }
    account(apiKey).credits(credits);
    return this;
  }

  @Override
  public int credits(String apiKey) {
    return account(apiKey).credits();
  }

  @Override
  public DeepCurrentControl addAccount(String apiKey, boolean paidSubscription) {
    Objects.requireNonNull(apiKey, "apiKey");
    if (!apiKey.startsWith("dc_") || apiKey.length() < 4) {
      throw new IllegalArgumentException("a DeepCurrent API key starts with dc_, was " + apiKey);
    }
    if (accountsByKey.containsKey(apiKey)) {
      throw new IllegalArgumentException("account " + apiKey + " exists already");
    }
    register(apiKey, paidSubscription, PAID_START_CREDITS);
    return this;
  }
}
