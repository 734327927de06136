package dev.jobsdk.mock.internal.vendor.deepidv;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@code /v1/screening/adverse-media} resource: validation, the 402 balance gate, and
 * {@code Idempotency-Key} replays (202 for a new job, 200 with the existing job for a replay within 24
 * hours).
 */
final class Screenings {

  static final String KIND = "adverse_media";

  private static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
  private static final int IDEMPOTENCY_KEYS_KEPT = 10_000;
  private static final int MAX_IDEMPOTENCY_KEY = 255;
  private static final String QUEUED = "Screening job queued.";

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

  private final Engine engine;
  private final Orgs orgs;
  private final VendorApi vendor;
  private final Map<String, Replay> idempotency = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Replay> eldest) {
      return size() > IDEMPOTENCY_KEYS_KEPT;
    }
  };
  private final ConcurrentLinkedQueue<Lifecycle> next = new ConcurrentLinkedQueue<>();
  private volatile Lifecycle defaultLifecycle;

  Screenings(Engine engine, Orgs orgs, VendorApi vendor) {
    this.engine = engine;
    this.orgs = orgs;
    this.vendor = vendor;
  }

  void reset() {
    synchronized (idempotency) {
      idempotency.clear();
    }
    next.clear();
    defaultLifecycle = null;
  }

  void defaultLifecycle(Lifecycle lifecycle) {
    this.defaultLifecycle = lifecycle;
  }

  void queue(Lifecycle lifecycle) {
    next.add(Objects.requireNonNull(lifecycle, "lifecycle"));
  }

  /** {@code POST /v1/screening/adverse-media}. */
  HttpResponse create(HttpRequest request, RouteTable.Params params) {
    Orgs.Org org = orgs.authenticate(request);
    JsonNode body = Json.parse(request.body());
    if (!(body instanceof ObjectNode)) {
      return DeepIdvApi.message(400, "Request body must be a JSON object.");
    }
    List<String> problems = new ArrayList<>();
    String email = Json.text(body, "email");
    if (!Validation.isEmail(email)) {
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
    if (!Validation.isDate(dateOfBirth)) {
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
    String idempotencyKey = request.header("Idempotency-Key");
    if (!problems.isEmpty()) {
      return DeepIdvApi.message(400, "Validation failed: " + String.join("; ", problems));
    }
    Subject subject = new Subject(email, firstName, lastName, dateOfBirth,
        country == null ? null : country.toUpperCase(Locale.ROOT));
    boolean keyed = idempotencyKey != null && !idempotencyKey.isBlank();
    Instant now = engine.now();
    synchronized (idempotency) {
      if (keyed) {
        Replay replay = idempotency.get(replayKey(org, idempotencyKey));
        if (replay != null && now.isBefore(replay.at().plus(IDEMPOTENCY_WINDOW))) {
          JobRecord job = engine.store().get(replay.jobId());
          JobView view = job == null ? null : job.view(now);
          if (view != null && view.phase() != Phase.GONE) {
            return Json.response(200, accepted(job, vendor.statusOf(job, view)));
          }
        }
      }
      if (!org.balance) {
        return HttpResponse.text(402, "text/plain; charset=utf-8", "Insufficient funds or subscription.");
      }
      JobRecord job = create(org, subject, null);
      if (keyed) {
        idempotency.put(replayKey(org, idempotencyKey), new Replay(job.id(), now));
      }
      return Json.response(202, accepted(job, "pending"));
    }
  }

  /** The remembered key: a long client-chosen key is kept as its SHA-256, so memory stays bounded. */
  private static String replayKey(Orgs.Org org, String idempotencyKey) {
    String key = org.apiKey + '\n' + idempotencyKey;
    if (key.length() <= MAX_IDEMPOTENCY_KEY) {
      return key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static ObjectNode accepted(JobRecord job, String status) {
    return Json.object().put("jobId", job.id()).put("status", status).put("message", QUEUED);
  }

  JobRecord create(Orgs.Org org, Subject subject, Lifecycle explicit) {
    long seed = engine.nextJobSeed();
    Lifecycle lifecycle = VendorApi.chooseLifecycle(explicit, next::poll, defaultLifecycle,
        () -> defaultLifecycle(seed));
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
}
