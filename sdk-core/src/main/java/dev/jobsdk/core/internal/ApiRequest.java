package dev.jobsdk.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One API call as a vendor service describes it: method, path, body and the few options that
 * change how the transport sends it. Path values from callers go through {@link #segment}, which
 * validates them and makes each exactly one encoded path segment.
 */
public final class ApiRequest {
  final String method;
  final List<String> segments = new ArrayList<>();
  final Map<String, String> query = new LinkedHashMap<>();
  final Map<String, String> headers = new LinkedHashMap<>();
  Object jsonBody;
  Map<String, String> formBody;
  String idempotencyKey;
  boolean retry = true;
  boolean authenticated = true;

  private ApiRequest(String method, String fixedPath) {
    this.method = method;
    literal(fixedPath);
  }

  /**
   * Starts a GET.
   *
   * @param fixedPath a literal path such as {@code /api/v1/bd/jobs}; never caller input
   * @return the request
   */
  public static ApiRequest get(String fixedPath) {
    return new ApiRequest("GET", fixedPath);
  }

  /**
   * Starts a POST.
   *
   * @param fixedPath a literal path; never caller input
   * @return the request
   */
  public static ApiRequest post(String fixedPath) {
    return new ApiRequest("POST", fixedPath);
  }

  /**
   * Appends a caller-supplied value (a job id, say) as one path segment.
   *
   * @param name the parameter's name, for the error message
   * @param value the value
   * @return this request
   * @throws IllegalArgumentException if the value is blank or contains {@code /}, {@code ..},
   *     control characters or percent-escapes of them
   */
  public ApiRequest segment(String name, String value) {
    segments.add(Checks.pathSegment(value, name));
    return this;
  }

  /**
   * Appends literal path segments.
   *
   * @param fixedPath a literal path such as {@code result} or {@code assets}
   * @return this request
   */
  public ApiRequest literal(String fixedPath) {
    for (String s : fixedPath.split("/")) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    return this;
  }

  /**
   * Adds a query parameter.
   *
   * @param name the name
   * @param value the value
   * @return this request
   */
  public ApiRequest query(String name, String value) {
    query.put(name, value);
    return this;
  }

  /**
   * Adds a request header (never a credential: those come from the client's auth).
   *
   * @param name the name
   * @param value the value
   * @return this request
   */
  public ApiRequest header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /**
   * Sets a JSON body.
   *
   * @param body an object Jackson can write
   * @return this request
   */
  public ApiRequest json(Object body) {
    this.jsonBody = body;
    return this;
  }

  /**
   * Sets an {@code application/x-www-form-urlencoded} body.
   *
   * @param fields the form fields
   * @return this request
   */
  public ApiRequest form(Map<String, String> fields) {
    this.formBody = fields;
    return this;
  }

  /**
   * Sends an {@code Idempotency-Key} header, which also makes a POST safe to retry.
   *
   * @param key the key
   * @return this request
   */
  public ApiRequest idempotencyKey(String key) {
    this.idempotencyKey = key;
    return this;
  }

  /**
   * Sends the request once, without transport retries: used for polls, whose failures the poller
   * handles with its own error budget and back-off.
   *
   * @return this request
   */
  public ApiRequest noRetry() {
    this.retry = false;
    return this;
  }

  /**
   * Sends the request without the client's credential (login endpoints).
   *
   * @return this request
   */
  public ApiRequest unauthenticated() {
    this.authenticated = false;
    return this;
  }

  /**
   * Returns whether the transport may send this request more than once.
   *
   * @return true for GETs and for POSTs with an idempotency key, unless {@link #noRetry()} was set
   */
  boolean retryable() {
    return retry && ("GET".equals(method) || idempotencyKey != null);
  }

  @Override
  public String toString() {
    return method + " /" + String.join("/", segments);
  }
}
