package dev.jobsdk.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.Fault;
import dev.jobsdk.mock.MockFaults;
import dev.jobsdk.mock.MockJob;
import dev.jobsdk.mock.VirtualClock;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/**
 * The mock's own admin API under {@code /__mock/} (JSON; no vendor has it): list jobs, force a job's
 * state, move the clock, add and clear faults, read the journal, reset. It is neither faulted nor
 * journaled.
 */
final class AdminApi {

  private final Engine engine;
  private final VirtualClock clock;
  private final MockFaults faults;
  private final Runnable resetAll;

  AdminApi(Engine engine, VirtualClock clock, MockFaults faults, Runnable resetAll) {
    this.engine = engine;
    this.clock = clock;
    this.faults = faults;
    this.resetAll = resetAll;
  }

  HttpResponse handle(HttpRequest request) {
    String[] s = PathGlob.split(request.path());
    String method = request.method();
    try {
      if (!"__mock".equals(s[0])) {
        return error(404, "Not Found");
      }
      if (s.length == 1 || (s.length == 2 && s[1].isEmpty())) {
        return "GET".equals(method) ? Json.response(200, index()) : methodNotAllowed();
      }
      String route = s[1];
      switch (route) {
        case "jobs":
          if (s.length == 2) {
            return switch (method) {
              case "GET" -> Json.response(200, jobs());
              case "POST" -> Json.response(201, job(AdminJobs.create(engine, body(request))));
              default -> methodNotAllowed();
            };
          }
          if (s.length == 3) {
            return "GET".equals(method) ? Json.response(200, job(engine.get(s[2]))) : methodNotAllowed();
          }
          if (s.length == 4 && "state".equals(s[3])) {
            return "POST".equals(method) ? forceState(s[2], body(request)) : methodNotAllowed();
          }
          break;
        case "clock":
          if (s.length == 2) {
            return "GET".equals(method) ? Json.response(200, clockJson()) : methodNotAllowed();
          }
          if (s.length == 3 && "advance".equals(s[2])) {
            return "POST".equals(method) ? advance(body(request)) : methodNotAllowed();
          }
          if (s.length == 3 && "set".equals(s[2])) {
            return "POST".equals(method) ? set(body(request)) : methodNotAllowed();
          }
          break;
        case "faults":
          if (s.length == 2) {
            return switch (method) {
              case "GET" -> Json.response(200, faultList());
              case "POST" -> addFault(body(request));
              case "DELETE" -> {
                faults.clear();
                yield HttpResponse.empty(204);
              }
              default -> methodNotAllowed();
            };
          }
          break;
        case "uploads":
          if (s.length == 3) {
            return "PUT".equals(method) ? upload(s[2], request) : methodNotAllowed();
          }
          break;
        case "journal":
          if (s.length == 2) {
            return "GET".equals(method) ? Json.response(200, journal(request.query())) : methodNotAllowed();
          }
          break;
        case "reset":
          if (s.length == 2) {
            if (!"POST".equals(method)) {
              return methodNotAllowed();
            }
            resetAll.run();
            return HttpResponse.empty(204);
          }
          break;
        default:
          break;
      }
      return error(404, "No admin route " + method + ' ' + request.path() + "; see GET /__mock/");
    } catch (NoSuchElementException e) {
      return error(404, e.getMessage());
    } catch (IllegalStateException e) {
      return error(409, e.getMessage());
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      return error(400, e.getMessage());
    }
  }

  private static HttpResponse error(int status, String message) {
    return Json.response(status, Json.object().put("error", message));
  }

  private static HttpResponse methodNotAllowed() {
    return error(405, "Method Not Allowed");
  }

  private static JsonNode body(HttpRequest request) {
    JsonNode body = Json.parse(request.body());
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    return body;
  }

  private static ObjectNode index() {
    ObjectNode index = Json.object().put("about",
        "The jobsdk mock server's own admin API. It belongs to no vendor.");
    index.putArray("routes")
        .add("GET /__mock/jobs")
        .add(AdminJobs.USAGE)
        .add("GET /__mock/jobs/{id}")
        .add("POST /__mock/jobs/{id}/state {\"status\": \"completed\"}")
        .add("GET /__mock/clock")
        .add("POST /__mock/clock/advance {\"seconds\": 30} or {\"duration\": \"PT5M\"}")
        .add("POST /__mock/clock/set {\"now\": \"2026-04-08T12:00:00Z\"}")
        .add("GET /__mock/faults")
        .add("POST /__mock/faults {\"method\": \"GET\", \"path\": \"/v1/async-jobs/*\", \"nth\": 2, "
            + "\"status\": 429, \"retryAfterSeconds\": 7}")
        .add("DELETE /__mock/faults")
        .add("PUT /__mock/uploads/{documentId} (where Risk-tool presigned upload URLs point)")
        .add("GET /__mock/journal[?jobId=...]")
        .add("POST /__mock/reset");
    return index;
  }

  private ArrayNode jobs() {
    ArrayNode jobs = Json.array();
    for (MockJob job : engine.list()) {
      jobs.add(job(job));
    }
    return jobs;
  }

  private static ObjectNode job(MockJob job) {
    return Json.object().put("id", job.id()).put("vendor", job.vendor().name()).put("kind", job.kind())
        .put("owner", job.owner()).put("status", job.status()).put("createdAt", Json.iso(job.createdAt()));
  }

  private HttpResponse forceState(String id, JsonNode body) {
    String status = Json.text(body, "status");
    if (status == null) {
      throw new IllegalArgumentException("\"status\" is required");
    }
    return Json.response(200, job(engine.forceState(id, status)));
  }

  private ObjectNode clockJson() {
    return Json.object().put("now", Json.iso(clock.now())).put("external", clock.isExternal());
  }

  private HttpResponse advance(JsonNode body) {
    Duration duration;
    JsonNode seconds = body.get("seconds");
    if (seconds != null && seconds.isNumber()) {
      duration = Duration.ofNanos(Math.round(seconds.doubleValue() * 1_000_000_000d));
    } else if (Json.text(body, "duration") != null) {
      duration = Duration.parse(Json.text(body, "duration"));
    } else {
      throw new IllegalArgumentException("give \"seconds\" (a number) or \"duration\" (ISO-8601, e.g. PT5M)");
    }
    clock.advance(duration);
    return Json.response(200, clockJson());
  }

  private HttpResponse set(JsonNode body) {
    String now = Json.text(body, "now");
    if (now == null) {
      throw new IllegalArgumentException("\"now\" (an ISO-8601 instant) is required");
    }
    clock.set(Instant.parse(now));
    return Json.response(200, clockJson());
  }

  private ArrayNode faultList() {
    ArrayNode list = Json.array();
    for (Fault fault : faults.list()) {
      list.add(fault.toString());
    }
    return list;
  }

  private HttpResponse addFault(JsonNode body) {
    Fault fault = fault(body);
    faults.add(fault);
    return Json.response(201, Json.object().put("fault", fault.toString()));
  }

  /** Reads a fault rule from JSON, using the same public API a Java test would. */
  static Fault fault(JsonNode json) {
    String path = Json.text(json, "path");
    if (path == null) {
      throw new IllegalArgumentException("\"path\" is required");
    }
    String method = Json.text(json, "method");
    Fault fault = Fault.on(method == null ? "*" : method, path);
    if (json.has("nth")) {
      fault = fault.nth(json.get("nth").asInt());
    }
    if (json.has("times")) {
      fault = fault.times(json.get("times").asInt());
    }
    if (json.has("probability")) {
      fault = fault.probability(json.get("probability").asDouble());
    }
    if (json.has("status")) {
      fault = fault.status(json.get("status").asInt());
    }
    String action = Json.text(json, "action");
    if (action != null) {
      fault = switch (action) {
        case "reset", "resetConnection" -> fault.resetConnection();
        case "truncate", "truncatedBody" -> fault.truncatedBody();
        case "malformed", "malformedJson" -> fault.malformedJson();
        case "status", "latency" -> fault;
        default -> throw new IllegalArgumentException("unknown action " + action
            + "; use status, latency, reset, truncate or malformed");
      };
    }
    if (json.has("latencyMillis")) {
      fault = fault.latency(Duration.ofMillis(json.get("latencyMillis").asLong()));
    }
    if (json.has("retryAfterSeconds")) {
      fault = fault.retryAfter(Duration.ofSeconds(json.get("retryAfterSeconds").asLong()));
    }
    if (Json.text(json, "body") != null) {
      String contentType = Json.text(json, "contentType");
      fault = fault.body(contentType == null ? "application/json" : contentType, Json.text(json, "body"));
    }
    if (json.path("afterProcessing").asBoolean(false)) {
      fault = fault.afterProcessing();
    }
    return fault;
  }

  /** Where a Risk-tool presigned upload URL points: accepts the bytes of a registered document. */
  private HttpResponse upload(String documentId, HttpRequest request) {
    if (!engine.riskTool().hasDocument(documentId)) {
      throw new NoSuchElementException("no document " + documentId + " awaits an upload");
    }
    return HttpResponse.empty(200).header("ETag", '"' + Integer.toHexString(java.util.Arrays.hashCode(request.body())) + '"');
  }

  private ObjectNode journal(String query) {
    Journal journal = engine.journal();
    ObjectNode json = Json.object().put("requestCount", journal.requestCount());
    json.set("authHeadersSeen", Json.array(new TreeSet<>(journal.authHeadersSeen())));
    String jobId = queryParameter(query, "jobId");
    if (jobId != null) {
      json.put("jobId", jobId).put("polls", journal.pollsOf(jobId))
          .put("requestsAfterTerminal", journal.requestsAfterTerminal(jobId));
    }
    return json;
  }

  private static String queryParameter(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && name.equals(pair.substring(0, eq))) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
