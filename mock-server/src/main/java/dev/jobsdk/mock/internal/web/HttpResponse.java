package dev.jobsdk.mock.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A response as the vendor logic builds it, plus what the engine does with it (send, drop the
 * connection, truncate the body) and how long it waits first.
 */
public final class HttpResponse {

  /** What the connection does with the response. */
  public enum Disposition {
    /** Send it. */
    NORMAL,
    /** Send nothing and drop the connection: the client reads end-of-stream before any response byte. */
    RESET,
    /** Send the headers and half the body, then close. */
    TRUNCATE
  }

  private static final byte[] EMPTY = new byte[0];

  private final int status;
  private final String contentType;
  private byte[] body;
  private String[] headers = new String[0];
  private Disposition disposition = Disposition.NORMAL;
  private long delayMillis;
  private String terminalJobId;

  private HttpResponse(int status, String contentType, byte[] body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body == null ? EMPTY : body;
  }

  /**
   * @param status the status code
   * @param contentType the Content-Type, or {@code null} for none
   * @param body the body bytes
   * @return a new response
   */
  public static HttpResponse of(int status, String contentType, byte[] body) {
    return new HttpResponse(status, contentType, body);
  }

  /**
   * @param status the status code
   * @param contentType the Content-Type
   * @param text the body, encoded as UTF-8
   * @return a new response
   */
  public static HttpResponse text(int status, String contentType, String text) {
    return new HttpResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param status the status code
   * @return a new response without a body
   */
  public static HttpResponse empty(int status) {
    return new HttpResponse(status, null, EMPTY);
  }

  /**
   * Adds a header.
   *
   * @param name the header name
   * @param value the header value
   * @return this response
   */
  public HttpResponse header(String name, String value) {
    String[] grown = Arrays.copyOf(headers, headers.length + 2);
    grown[headers.length] = name;
    grown[headers.length + 1] = value;
    headers = grown;
    return this;
  }

  /** @return the status code */
  public int status() {
    return status;
  }

  /** @return the Content-Type, or {@code null} */
  public String contentType() {
    return contentType;
  }

  /** @return the body bytes */
  public byte[] body() {
    return body;
  }

  /** @return the body decoded as UTF-8 */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Replaces the body.
   *
   * @param newBody the new body bytes
   * @return this response
   */
  public HttpResponse body(byte[] newBody) {
    this.body = newBody;
    return this;
  }

  /**
   * @param name a header name, case-insensitive
   * @return the first value of that extra header, or {@code null}
   */
  public String header(String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return headers[i + 1];
      }
    }
    return null;
  }

  String[] headers() {
    return headers;
  }

  /** @return what the connection does with this response */
  public Disposition disposition() {
    return disposition;
  }

  /**
   * @param disposition what the connection does with this response
   * @return this response
   */
  public HttpResponse disposition(Disposition disposition) {
    this.disposition = disposition;
    return this;
  }

  /** @return the job this response shows in a terminal state, or {@code null} */
  public String terminalJobId() {
    return terminalJobId;
  }

  /**
   * Marks the response as showing a job in a terminal state, for the journal.
   *
   * @param jobId the job id
   * @return this response
   */
  public HttpResponse terminalJobId(String jobId) {
    this.terminalJobId = jobId;
    return this;
  }

  /** @return real milliseconds to wait before answering */
  public long delayMillis() {
    return delayMillis;
  }

  /**
   * @param millis real milliseconds to wait before answering
   * @return this response
   */
  public HttpResponse delayMillis(long millis) {
    this.delayMillis = millis;
    return this;
  }
}
