package dev.jobsdk.mock.internal.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.RiskToolControl;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The CGIAR Risk Intelligence Tool: Cognito-style login, five job types, {@code GET /api/jobs/{id}},
 * and NestJS error envelopes {@code {statusCode, error, message, timestamp, path}}.
 */
public final class RiskToolApi extends VendorApi implements RiskToolControl {

  static final List<String> TYPES = List.of("AI_PREVIEW", "PARSE_DOCUMENT", "GAP_DETECTION", "RISK_ANALYSIS",
      "REPORT_GENERATION");
  static final int MAX_ATTEMPTS = 3;

  private static final long REFRESH_LIFETIME_SECONDS = Duration.ofDays(30).toSeconds();
  private static final int MAX_PROMPT = 50_000;
  private static final String NOT_A_UUID = "Validation failed (uuid is expected)";
  private static final String[] PREVIEW_SENTENCES = {
    "The main market risks identified are price volatility, lack of market access, and limited contract "
      + "farming opportunities.",
    "Climate exposure is the dominant risk: rainfall variability threatens two of the three main crops.",
    "Credit risk is moderate; the cooperative's repayment history is short but consistent.",
    "Governance gaps stand out: the business plan names no audit committee and no succession plan."};

  private final Map<String, User> usersByEmail = new ConcurrentHashMap<>();
  private final Map<String, User> usersById = new ConcurrentHashMap<>();
  private final Map<String, Lifecycle> defaults = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentLinkedQueue<Lifecycle>> typedQueues = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Lifecycle> anyQueue = new ConcurrentLinkedQueue<>();
  private final AtomicLong directAssessments = new AtomicLong();

  private record User(String id, String email, String password, boolean admin) {
  }

  /**
   * A Risk tool job's type and stored input.
   *
   * @param type the job type
   * @param input the stored input (never changed after creation)
   * @param assessmentId the assessment, or {@code null} for a preview
   */
  record RiskJob(String type, ObjectNode input, String assessmentId) {
  }

  /** @param engine the engine this vendor serves in */
  public RiskToolApi(Engine engine) {
    super(engine);
    reset();
  }

  @Override
  public Vendor vendor() {
    return Vendor.RISK_TOOL;
  }

  @Override
  public void reset() {
    usersByEmail.clear();
    usersById.clear();
    defaults.clear();
    typedQueues.clear();
    anyQueue.clear();
    directAssessments.set(0);
    register(MockCredentials.RISK_USER_EMAIL, MockCredentials.RISK_USER_PASSWORD, false);
    register(MockCredentials.RISK_ADMIN_EMAIL, MockCredentials.RISK_ADMIN_PASSWORD, true);
  }

  private void register(String email, String password, boolean admin) {
    String normalized = email.trim().toLowerCase(Locale.ROOT);
    String id = UUID.nameUUIDFromBytes(("risk:" + normalized).getBytes(StandardCharsets.UTF_8)).toString();
    User user = new User(id, normalized, password, admin);
    usersByEmail.put(normalized, user);
    usersById.put(id, user);
  }

  // ------------------------------------------------------------------ routing

  @Override
  public String polledJobId(String method, String[] s) {
    return "GET".equals(method) && is(s, "api", "jobs", null) ? s[2] : null;
  }

  @Override
  protected HttpResponse route(HttpRequest request, String[] s) {
    boolean post = "POST".equals(request.method());
    if (post && is(s, "api", "auth", "login")) {
      return login(request);
    }
    if (post && is(s, "api", "auth", "refresh-token")) {
      return refresh(request);
    }
    if (post && is(s, "api", "admin", "prompts", "preview")) {
      return preview(request);
    }
    if (post && is(s, "api", "assessments", null, "documents", null, "parse")) {
      return parse(request, s[2], s[4]);
    }
    if (post && is(s, "api", "assessments", null, "gap-fields", "submit")) {
      return assessmentJob(request, s[2], "RISK_ANALYSIS", false);
    }
    if (post && is(s, "api", "assessments", null, "report", "pdf")) {
      return assessmentJob(request, s[2], "REPORT_GENERATION", true);
    }
    if ("GET".equals(request.method()) && is(s, "api", "jobs", null)) {
      return job(request, s[2]);
    }
    return envelope(404, text("Cannot " + request.method() + ' ' + request.path()), request, null);
  }

  @Override
  public HttpResponse faultResponse(int status, HttpRequest request) {
    String message = switch (status) {
      case 429 -> "ThrottlerException: Too Many Requests";
      case 500 -> "Internal server error";
      default -> dev.jobsdk.mock.internal.web.HttpStatus.reason(status);
    };
    return envelope(status, text(message), request, null);
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

  // ------------------------------------------------------------------ errors

  private static JsonNode text(String message) {
    return Json.MAPPER.getNodeFactory().textNode(message);
  }

  private HttpResponse envelope(int status, JsonNode message, HttpRequest request, String code) {
    ObjectNode body = Json.object().put("statusCode", status).put("error", errorName(status));
    body.set("message", message);
    body.put("timestamp", Json.isoMillis(engine.now())).put("path", request.target());
    if (code != null) {
      body.put("code", code);
    }
    return Json.response(status, body);
  }

  private ApiError error(int status, String message, HttpRequest request) {
    return new ApiError(envelope(status, text(message), request, null));
  }

  private static String errorName(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 409 -> "CONFLICT";
      case 422 -> "UNPROCESSABLE_ENTITY";
      case 429 -> "TOO_MANY_REQUESTS";
      case 500 -> "INTERNAL_SERVER_ERROR";
      case 502 -> "BAD_GATEWAY";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> "ERROR_" + status;
    };
  }

  /** Parses a body as the NestJS ValidationPipe sees it: unknown properties are errors. */
  private ObjectNode body(HttpRequest request, Set<String> allowed, List<String> problems) {
    JsonNode parsed = request.body().length == 0 ? Json.object() : Json.parse(request.body());
    if (parsed == null) {
      throw error(400, "Unexpected token in JSON at position 0", request);
    }
    ObjectNode body = parsed instanceof ObjectNode object ? object : Json.object();
    for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problems.add("property " + name + " should not exist");
      }
    }
    return body;
  }

  private void failIfProblems(List<String> problems, HttpRequest request) {
    if (!problems.isEmpty()) {
      throw new ApiError(envelope(400, Json.array(problems), request, null));
    }
  }

  private static void requireString(ObjectNode body, String field, Integer maxLength, List<String> problems) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual()) {
      if (maxLength != null) {
        problems.add(field + " must be shorter than or equal to " + maxLength + " characters");
      }
      problems.add(field + " must be a string");
    } else if (maxLength != null && value.textValue().length() > maxLength) {
      problems.add(field + " must be shorter than or equal to " + maxLength + " characters");
    }
  }

  // ------------------------------------------------------------------ auth

  private User authenticate(HttpRequest request) {
    String header = request.header("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      throw error(401, "Missing or invalid authorization header", request);
    }
    ObjectNode claims = engine.tokens().verify(header.substring(7), engine.now());
    String use = claims == null ? null : Json.text(claims, "token_use");
    User user = claims == null ? null : usersById.get(Json.text(claims, "sub"));
    if (user == null || !("access".equals(use) || "id".equals(use))) {
      throw error(401, "Invalid or expired token", request);
    }
    return user;
  }

  private HttpResponse login(HttpRequest request) {
    List<String> problems = new ArrayList<>();
    ObjectNode body = body(request, Set.of("email", "password"), problems);
    String email = Json.text(body, "email");
    if (email != null) {
      email = email.trim().toLowerCase(Locale.ROOT);
    }
    if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      problems.add("email must be an email");
    }
    String password = Json.text(body, "password");
    if (password == null || password.length() < 8) {
      problems.add("password must be longer than or equal to 8 characters");
      if (password == null) {
        problems.add("password must be a string");
      }
    }
    failIfProblems(problems, request);
    User user = usersByEmail.get(email);
    if (user == null || !user.password().equals(password)) {
      return envelope(401, text("Invalid credentials"), request, "NotAuthorizedException");
    }
    return Json.response(200, tokens(user, refreshToken(user.id())));
  }

  private HttpResponse refresh(HttpRequest request) {
    List<String> problems = new ArrayList<>();
    ObjectNode body = body(request, Set.of("refreshToken"), problems);
    String token = Json.text(body, "refreshToken");
    if (token == null || token.isEmpty()) {
      problems.add("refreshToken should not be empty");
      if (token == null) {
        problems.add("refreshToken must be a string");
      }
    }
    failIfProblems(problems, request);
    ObjectNode claims = engine.tokens().verify(token, engine.now());
    User user = claims == null ? null : usersById.get(Json.text(claims, "sub"));
    if (user == null || !"refresh".equals(Json.text(claims, "token_use"))) {
      return envelope(401, text("Invalid credentials"), request, "NotAuthorizedException");
    }
    return Json.response(200, tokens(user, token));
  }

  private String refreshToken(String userId) {
    ObjectNode claims = Json.object().put("sub", userId).put("token_use", "refresh");
    return engine.tokens().issue(claims, engine.now(), REFRESH_LIFETIME_SECONDS);
  }

  private ObjectNode tokens(User user, String refreshToken) {
    Instant now = engine.now();
    long lifetime = engine.config().tokenLifetime().toSeconds();
    ObjectNode access = Json.object().put("sub", user.id());
    groups(access, user);
    access.put("token_use", "access").put("client_id", "jobsdk-mock").put("username", user.email());
    ObjectNode id = Json.object().put("sub", user.id()).put("email", user.email());
    groups(id, user);
    id.put("token_use", "id").put("cognito:username", user.email());
    ObjectNode response = Json.object();
    response.put("accessToken", engine.tokens().issue(access, now, lifetime))
        .put("idToken", engine.tokens().issue(id, now, lifetime))
        .put("refreshToken", refreshToken)
        .put("expiresIn", lifetime)
        .put("requiresPasswordChange", false);
    return response;
  }

  private static void groups(ObjectNode claims, User user) {
    if (user.admin()) {
      claims.putArray("cognito:groups").add("admin");
    }
  }

  // ------------------------------------------------------------------ jobs

  private HttpResponse preview(HttpRequest request) {
    User user = authenticate(request);
    if (!user.admin()) {
      throw error(403, "Admin access required", request);
    }
    List<String> problems = new ArrayList<>();
    ObjectNode body = body(request, Set.of("systemPrompt", "userPromptTemplate", "variables", "context"), problems);
    requireString(body, "systemPrompt", MAX_PROMPT, problems);
    requireString(body, "userPromptTemplate", MAX_PROMPT, problems);
    for (String field : List.of("variables", "context")) {
      JsonNode value = body.get(field);
      if (value != null && !value.isNull() && !value.isObject()) {
        problems.add(field + " must be an object");
      }
    }
    failIfProblems(problems, request);
    JobRecord job = create(user, "AI_PREVIEW", body.deepCopy(), null, null, null);
    ObjectNode response = Json.object();
    response.putObject("data").put("jobId", job.id()).put("status", "PROCESSING");
    return Json.response(202, response);
  }

  private HttpResponse parse(HttpRequest request, String assessmentId, String documentId) {
    User user = authenticate(request);
    if (!isUuid(assessmentId)) {
      throw error(400, NOT_A_UUID, request);
    }
    JobRecord job = createParse(user, assessmentId, documentId, null);
    return HttpResponse.text(201, "text/html; charset=utf-8", job.id());
  }

  private HttpResponse assessmentJob(HttpRequest request, String assessmentId, String type, boolean jsonReply) {
    User user = authenticate(request);
    if (!isUuid(assessmentId)) {
      throw error(400, NOT_A_UUID, request);
    }
    JobRecord job = create(user, type, Json.object().put("assessmentId", assessmentId), assessmentId, null, null);
    return jsonReply
        ? Json.response(201, Json.object().put("jobId", job.id()))
        : HttpResponse.text(201, "text/html; charset=utf-8", job.id());
  }

  private JobRecord createParse(User user, String assessmentId, String documentId, Lifecycle lifecycle) {
    ObjectNode input = Json.object().put("assessmentId", assessmentId).put("documentId", documentId)
        .put("s3Key", "assessments/" + assessmentId + "/documents/" + documentId + "/document.pdf");
    JobRecord parse = create(user, "PARSE_DOCUMENT", input, assessmentId, lifecycle, null);
    create(user, "GAP_DETECTION", Json.object().put("assessmentId", assessmentId), assessmentId, null, parse);
    return parse;
  }

  private JobRecord create(User user, String type, ObjectNode input, String assessmentId, Lifecycle explicit,
      JobRecord parent) {
    long seed = engine.nextJobSeed();
    ConcurrentLinkedQueue<Lifecycle> typed = typedQueues.get(type);
    Supplier<Lifecycle> queued = () -> {
      Lifecycle next = typed == null ? null : typed.poll();
      // a chained job is created by its parent's success, not by a request: it skips the untyped queue
      return next != null || parent != null ? next : anyQueue.poll();
    };
    Lifecycle lifecycle = chooseLifecycle(explicit, queued, defaults.get(type), () -> defaultLifecycle(type, seed));
    JobRecord job = new JobRecord(Engine.jobId(seed), Vendor.RISK_TOOL, type, user.email(), seed,
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

  private HttpResponse job(HttpRequest request, String id) {
    User user = authenticate(request);
    if (!isUuid(id)) {
      throw error(400, NOT_A_UUID, request);
    }
    JobRecord job = engine.store().get(id);
    JobView view = job == null || job.vendor() != Vendor.RISK_TOOL ? null : job.view(engine.now());
    if (view == null || view.phase() == Phase.GONE) {
      throw error(404, "Job " + id + " not found", request);
    }
    if (!job.owner().equals(user.email())) {
      throw error(403, "You do not own this job", request);
    }
    RiskJob data = job.data(RiskJob.class);
    ObjectNode json = Json.object();
    json.put("id", job.id()).put("type", data.type()).put("status", statusWord(job, view));
    json.set("input", data.input());
    if (view.phase() == Phase.SUCCEEDED) {
      json.set("result", result(job, data, view));
    } else {
      json.putNull("result");
    }
    if (view.phase() == Phase.FAILED) {
      json.put("error", view.error());
    } else if (view.phase() == Phase.CANCELLED) {
      json.put("error", DeepIdvApi.CANCELLED_ERROR);
    } else {
      json.putNull("error");
    }
    json.put("attempts", view.attempts()).put("maxAttempts", job.maxAttempts())
        .put("createdById", usersByEmail.containsKey(job.owner()) ? usersByEmail.get(job.owner()).id() : job.owner())
        .put("createdAt", Json.isoMillis(view.createdAt())).put("updatedAt", Json.isoMillis(view.updatedAt()));
    Json.putNullable(json, "startedAt", view.startedAt() == null ? null : Json.isoMillis(view.startedAt()));
    Json.putNullable(json, "completedAt", view.completedAt() == null ? null : Json.isoMillis(view.completedAt()));
    HttpResponse response = Json.response(200, json);
    return view.phase().terminal() ? response.terminalJobId(job.id()) : response;
  }

  private static ObjectNode result(JobRecord job, RiskJob data, JobView view) {
    SplittableRandom random = Engine.random(job.seed(), 3);
    long processingMs = job.lifecycle().runningDuration().toMillis();
    ObjectNode result = Json.object();
    switch (data.type()) {
      case "AI_PREVIEW" -> {
        String template = Json.text(data.input(), "userPromptTemplate");
        String rendered = render(template == null ? "" : template, data.input().get("variables"));
        String sentence = PREVIEW_SENTENCES[random.nextInt(PREVIEW_SENTENCES.length)];
        result.put("output", rendered.isBlank() ? sentence
            : sentence + " (Preview by the mock for: " + abbreviate(rendered, 200) + ")");
        result.put("tokensUsed", Seeds.between(random, 200, 1_500)).put("processingTime", processingMs);
      }
      case "PARSE_DOCUMENT" -> {
        int pages = (int) Seeds.between(random, 2, 12);
        result.put("pages", pages);
        result.put("textContent", "Business plan of the applicant cooperative. Page 1 of " + pages
            + ": crops, area under cultivation, yields and buyers are listed below.");
        ArrayNode tables = result.putArray("tables");
        int tableCount = (int) Seeds.between(random, 1, 2);
        for (int t = 0; t < tableCount; t++) {
          ObjectNode table = tables.addObject();
          int rows = (int) Seeds.between(random, 2, 4);
          table.put("page", Seeds.between(random, 1, pages)).put("tableIndex", t).put("rowCount", rows)
              .put("columnCount", 3);
          table.putArray("headers").add("Crop").add("Area (ha)").add("Yield (t/ha)");
          ArrayNode cells = table.putArray("rows");
          String[] crops = {"Maize", "Beans", "Coffee", "Cassava"};
          for (int r = 0; r < rows; r++) {
            cells.addArray().add(crops[r % crops.length]).add(Long.toString(Seeds.between(random, 5, 120)))
                .add(Seeds.between(random, 5, 40) / 10.0 + "");
          }
        }
        ObjectNode metadata = result.putObject("metadata");
        metadata.put("textractJobId", Seeds.hex(random, 16))
            .put("s3Key", Json.text(data.input(), "s3Key"))
            .put("processingTimeMs", processingMs)
            .put("processedAt", Json.isoMillis(view.completedAt()))
            .put("textractModel", "textract-analyze-document");
      }
      case "GAP_DETECTION" -> result.put("assessmentId", data.assessmentId())
          .put("gapFieldsCreated", Seeds.between(random, 3, 15));
      case "RISK_ANALYSIS" -> result.put("assessmentId", data.assessmentId()).put("categoriesScored", 7)
          .put("overallScore", Seeds.between(random, 20, 90));
      default -> {
        String key = "reports/" + data.assessmentId() + "/" + job.id() + ".pdf";
        result.put("assessmentId", data.assessmentId()).put("pdfKey", key)
            .put("downloadUrl", "https://reports.example/" + key + "?X-Amz-Expires=3600");
      }
    }
    return result;
  }

  private static String render(String template, JsonNode variables) {
    String rendered = template;
    if (variables != null && variables.isObject()) {
      for (Map.Entry<String, JsonNode> variable : variables.properties()) {
        rendered = rendered.replace("{{" + variable.getKey() + "}}", variable.getValue().asText());
      }
    }
    return rendered;
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }

  // ------------------------------------------------------------------ control

  private User user(String email) {
    User user = usersByEmail.get(Objects.requireNonNull(email, "email").trim().toLowerCase(Locale.ROOT));
    if (user == null) {
      throw new IllegalArgumentException("no Risk tool user " + email);
    }
    return user;
  }

  private static String type(String type) {
    Objects.requireNonNull(type, "type");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("unknown job type " + type + "; use one of " + TYPES);
    }
    return type;
  }

  @Override
  public RiskToolControl defaultLifecycle(String type, Lifecycle lifecycle) {
    if (lifecycle == null) {
      defaults.remove(type(type));
    } else {
      defaults.put(type(type), lifecycle);
    }
    return this;
  }

  @Override
  public RiskToolControl nextJob(Lifecycle lifecycle) {
    anyQueue.add(Objects.requireNonNull(lifecycle, "lifecycle"));
    return this;
  }

  @Override
  public RiskToolControl nextJob(String type, Lifecycle lifecycle) {
    typedQueues.computeIfAbsent(type(type), t -> new ConcurrentLinkedQueue<>())
        .add(Objects.requireNonNull(lifecycle, "lifecycle"));
    return this;
  }

  @Override
  public String createJob(String email, String type, Lifecycle lifecycle) {
    User user = user(email);
    long assessmentSeed = Seeds.mix(engine.config().seed(), 0xA55E55L + 2 * directAssessments.incrementAndGet());
    String assessmentId = Seeds.uuid(assessmentSeed).toString();
    return switch (type(type)) {
      case "PARSE_DOCUMENT" -> createParse(user, assessmentId, Seeds.uuid(assessmentSeed + 1).toString(), lifecycle).id();
      case "AI_PREVIEW" -> create(user, type, Json.object()
          .put("systemPrompt", "You are an expert agricultural risk analyst.")
          .put("userPromptTemplate", "Identify the main risks for: {{company}}")
          .set("variables", Json.object().put("company", "a coffee cooperative")), null, lifecycle, null).id();
      default -> create(user, type, Json.object().put("assessmentId", assessmentId), assessmentId, lifecycle, null).id();
    };
  }

  @Override
  public RiskToolControl addUser(String email, String password, boolean admin) {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
    if (password.length() < 8) {
      throw new IllegalArgumentException("password must have at least 8 characters");
    }
    if (usersByEmail.containsKey(email.trim().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("user " + email + " exists already");
    }
    register(email, password, admin);
    return this;
  }

  @Override
  public String userId(String email) {
    return user(email).id();
  }
}
