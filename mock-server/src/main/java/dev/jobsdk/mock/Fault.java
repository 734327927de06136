package dev.jobsdk.mock;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A fault rule: which requests it hits and what it does to them. Immutable; every method returns a
 * changed copy.
 *
 * <pre>{@code
 * server.faults().add(Fault.on("GET", "/v1/async-jobs/*").nth(2).status(429).retryAfter(Duration.ofSeconds(7)));
 * server.faults().add(Fault.on("POST", "/v1/screening/adverse-media").times(1).resetConnection());
 * server.faults().add(Fault.on("*", "/api/**").probability(0.3).status(503));
 * }</pre>
 *
 * <p><b>Which requests.</b> {@link #on(String, String)} matches a method ({@code "*"} for any) and a
 * path glob ({@code *} one segment, {@code **} any number of segments; the query string is ignored).
 * Of the matching requests, the rule hits every one (default), only the {@link #nth(int) n-th}, the
 * {@link #times(int) first k}, or each with a {@link #probability(double) probability} drawn from the
 * server's seed.
 *
 * <p><b>What it does.</b>
 * <ul>
 *   <li>{@link #status(int)}: answers with that status instead of the vendor's response, with a body in
 *       the vendor's error envelope ({@code {"detail": ...}} DeepCurrent, {@code {"message": ...}} DeepIDV
 *       ({@code {"error": ...}} for 503), the Risk tool's {@code {statusCode, error, message, timestamp,
 *       path}}), except 502 which has an HTML body as a proxy sends it; optional
 *       {@link #retryAfter(Duration)}. By default the request is not processed (as if a gateway
 *       rejected it); with {@link #afterProcessing()} it is processed first and only its response is
 *       replaced, so a retry meets the effects (a created job, a used quote token).</li>
 *   <li>{@link #latency(Duration)}: waits that long in real time before answering (may be combined
 *       with any other action).</li>
 *   <li>{@link #resetConnection()}: processes the request, then resets the TCP connection (SO_LINGER 0
 *       and close) before any response byte is sent.</li>
 *   <li>{@link #truncatedBody()}: processes the request and sends the headers with the full
 *       Content-Length but only half of the body, then closes the connection.</li>
 *   <li>{@link #malformedJson()}: processes the request and sends a body that is not valid JSON, with
 *       the original status, content type and a matching Content-Length.</li>
 * </ul>
 * Connection resets, truncated and malformed bodies always act on the processed response, so a
 * client's retry with the same idempotency key finds the job the lost response would have shown.
 */
public final class Fault {

  /** What a fault does to a request. */
  enum Action { NONE, STATUS, RESET, TRUNCATE, MALFORMED }

  /** Which matching requests a fault hits. */
  enum Trigger { ALWAYS, NTH, TIMES, PROBABILITY }

  final String method;
  final String pathGlob;
  final Trigger trigger;
  final long count;
  final double probability;
  final Action action;
  final int status;
  final Duration retryAfter;
  final boolean retryAfterAsDate;
  final Duration latency;
  final boolean afterProcessing;
  final String bodyContentType;
  final String body;

  private Fault(String method, String pathGlob, Trigger trigger, long count, double probability,
      Action action, int status, Duration retryAfter, boolean retryAfterAsDate, Duration latency,
      boolean afterProcessing, String bodyContentType, String body) {
    this.method = method;
    this.pathGlob = pathGlob;
    this.trigger = trigger;
    this.count = count;
    this.probability = probability;
    this.action = action;
    this.status = status;
    this.retryAfter = retryAfter;
    this.retryAfterAsDate = retryAfterAsDate;
    this.latency = latency;
    this.afterProcessing = afterProcessing;
    this.bodyContentType = bodyContentType;
    this.body = body;
  }

  /**
   * Starts a rule for requests with this method and path.
   *
   * @param method an HTTP method (case-insensitive), or {@code "*"} for any
   * @param pathGlob a path starting with {@code /}; {@code *} matches one segment, {@code **} any
   *     number of segments
   * @return a rule that hits every matching request but does nothing yet
   */
  public static Fault on(String method, String pathGlob) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathGlob, "pathGlob");
    if (method.isBlank()) {
      throw new IllegalArgumentException("method must not be blank");
    }
    if (!pathGlob.startsWith("/")) {
      throw new IllegalArgumentException("pathGlob must start with '/', was " + pathGlob);
    }
    return new Fault(method.trim().toUpperCase(Locale.ROOT), pathGlob, Trigger.ALWAYS, 0, 0.0,
        Action.NONE, 0, null, false, null, false, null, null);
  }

  private Fault withTrigger(Trigger newTrigger, long newCount, double newProbability) {
    return new Fault(method, pathGlob, newTrigger, newCount, newProbability, action, status, retryAfter,
        retryAfterAsDate, latency, afterProcessing, bodyContentType, body);
  }

  private Fault withAction(Action newAction, int newStatus) {
    return new Fault(method, pathGlob, trigger, count, probability, newAction, newStatus, retryAfter,
        retryAfterAsDate, latency, afterProcessing, bodyContentType, body);
  }

  /**
   * Hits only the {@code n}-th matching request (1 is the first).
   *
   * @param n the position among matching requests; at least 1
   * @return the changed rule
   */
  public Fault nth(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, was " + n);
    }
    return withTrigger(Trigger.NTH, n, 0.0);
  }

  /**
   * Hits the first {@code k} matching requests.
   *
   * @param k how many; at least 1
   * @return the changed rule
   */
  public Fault times(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    return withTrigger(Trigger.TIMES, k, 0.0);
  }

  /**
   * Hits each matching request with probability {@code p}, drawn from a random sequence seeded by
   * the server's seed and the rule's position, so the same seed and requests give the same hits.
   *
   * @param p a probability between 0 and 1
   * @return the changed rule
   */
  public Fault probability(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("p must be between 0 and 1, was " + p);
    }
    return withTrigger(Trigger.PROBABILITY, 0, p);
  }

  /**
   * Answers with this status and a body in the vendor's error envelope (HTML for 502).
   *
   * @param status an HTTP status from 100 to 599
   * @return the changed rule
   */
  public Fault status(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be between 100 and 599, was " + status);
    }
    return withAction(Action.STATUS, status);
  }

  /**
   * Adds {@code Retry-After} in whole seconds (rounded up) to a {@link #status(int) status} answer.
   *
   * @param delay the delay to announce
   * @return the changed rule
   */
  public Fault retryAfter(Duration delay) {
    return withRetryAfter(delay, false);
  }

  /**
   * Adds {@code Retry-After} as an HTTP date: the server clock's current instant plus {@code delay}.
   *
   * @param delay the delay to announce
   * @return the changed rule
   */
  public Fault retryAfterHttpDate(Duration delay) {
    return withRetryAfter(delay, true);
  }

  private Fault withRetryAfter(Duration delay, boolean asDate) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    return new Fault(method, pathGlob, trigger, count, probability, action, status, delay, asDate,
        latency, afterProcessing, bodyContentType, body);
  }

  private static final int MAX_CONTENT_TYPE = 200;
  private static final int MAX_BODY = 1 << 20;

  /** {@code type/subtype} then optional parameters, all visible ASCII or spaces: never a header break. */
  private static void checkMediaType(String contentType) {
    int slash = contentType.indexOf('/');
    boolean ok = contentType.length() <= MAX_CONTENT_TYPE && slash > 0 && slash < contentType.length() - 1;
    for (int i = 0; ok && i < contentType.length(); i++) {
      char c = contentType.charAt(i);
      ok = c == ' ' || (c > 32 && c < 127);
    }
    if (!ok || contentType.charAt(0) == ' ') {
      throw new IllegalArgumentException("contentType must be a media type of at most " + MAX_CONTENT_TYPE
          + " printable ASCII characters, e.g. text/html; charset=utf-8");
    }
  }

  /**
   * Replaces the envelope of a {@link #status(int) status} answer with this body.
   *
   * @param contentType the Content-Type to send: a media type such as {@code text/html; charset=utf-8},
   *     at most 200 printable ASCII characters (no line breaks: it cannot add other headers)
   * @param body the body text (UTF-8), at most 1 MiB
   * @return the changed rule
   * @throws IllegalArgumentException when the content type is not a media type or the body is too long
   */
  public Fault body(String contentType, String body) {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    checkMediaType(contentType);
    if (body.length() > MAX_BODY) {
      throw new IllegalArgumentException("body must be at most " + MAX_BODY + " characters, was " + body.length());
    }
    return new Fault(method, pathGlob, trigger, count, probability, action, status, retryAfter,
        retryAfterAsDate, latency, afterProcessing, contentType, body);
  }

  /**
   * Waits this long in real time before answering. On its own the answer is then the normal one.
   *
   * @param latency the delay; not negative
   * @return the changed rule
   */
  public Fault latency(Duration latency) {
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, was " + latency);
    }
    return new Fault(method, pathGlob, trigger, count, probability, action, status, retryAfter,
        retryAfterAsDate, latency, afterProcessing, bodyContentType, body);
  }

  /**
   * Processes the request, then resets the connection (SO_LINGER 0, close) before any response byte.
   *
   * @return the changed rule
   */
  public Fault resetConnection() {
    return withAction(Action.RESET, 0);
  }

  /**
   * Processes the request, then sends the headers and only half of the body before closing.
   *
   * @return the changed rule
   */
  public Fault truncatedBody() {
    return withAction(Action.TRUNCATE, 0);
  }

  /**
   * Processes the request, then sends a body that is not valid JSON.
   *
   * @return the changed rule
   */
  public Fault malformedJson() {
    return withAction(Action.MALFORMED, 0);
  }

  /**
   * Makes a {@link #status(int) status} fault process the request first and replace only its
   * response. (Resets, truncated and malformed bodies always do.)
   *
   * @return the changed rule
   */
  public Fault afterProcessing() {
    return new Fault(method, pathGlob, trigger, count, probability, action, status, retryAfter,
        retryAfterAsDate, latency, true, bodyContentType, body);
  }

  /** Fails fast when a rule would do nothing. */
  void validate() {
    if (action == Action.NONE && latency == null) {
      throw new IllegalArgumentException("fault " + this + " has no action: call status(..), latency(..), "
          + "resetConnection(), truncatedBody() or malformedJson()");
    }
    if (retryAfter != null && action != Action.STATUS) {
      throw new IllegalArgumentException("retryAfter only applies to a status fault: " + this);
    }
  }

  /** Whether the vendor handler runs before the fault acts. */
  boolean processesRequest() {
    return action != Action.STATUS || afterProcessing;
  }

  /**
   * Describes the rule, e.g. {@code Fault[GET /v1/async-jobs/* nth(2) status(429) retryAfter(PT7S)]}.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Fault[").append(method).append(' ').append(pathGlob);
    switch (trigger) {
      case NTH -> sb.append(" nth(").append(count).append(')');
      case TIMES -> sb.append(" times(").append(count).append(')');
      case PROBABILITY -> sb.append(" probability(").append(probability).append(')');
      default -> { }
    }
    if (latency != null) {
      sb.append(" latency(").append(latency).append(')');
    }
    switch (action) {
      case STATUS -> sb.append(" status(").append(status).append(')');
      case RESET -> sb.append(" resetConnection()");
      case TRUNCATE -> sb.append(" truncatedBody()");
      case MALFORMED -> sb.append(" malformedJson()");
      default -> { }
    }
    if (retryAfter != null) {
      sb.append(retryAfterAsDate ? " retryAfterHttpDate(" : " retryAfter(").append(retryAfter).append(')');
    }
    if (body != null) {
      sb.append(" body(").append(bodyContentType).append(')');
    }
    if (afterProcessing && action == Action.STATUS) {
      sb.append(" afterProcessing()");
    }
    return sb.append(']').toString();
  }
}
