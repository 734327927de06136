package dev.jobsdk.mock.internal.web;

import java.nio.charset.StandardCharsets;

/**
 * One request as the vendor logic sees it: method, target split into path and query, headers, body.
 * The engine adapter ({@link WebServer}) builds it; handlers and tests build it with {@link #of}.
 */
public final class HttpRequest {

  private final String method;
  private final String path;
  private final String query;
  private final String[] headers;
  private final int headerCount;
  private final byte[] body;

  HttpRequest(String method, String path, String query, String[] headers, int headerCount, byte[] body) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.headerCount = headerCount;
    this.body = body;
  }

  /**
   * Builds a request without a connection, for handlers and tests.
   *
   * @param method the method
   * @param target the path with an optional query
   * @param body the body, may be empty
   * @param headerPairs header names and values, alternating
   * @return the request
   */
  public static HttpRequest of(String method, String target, byte[] body, String... headerPairs) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? null : target.substring(q + 1);
    return new HttpRequest(method, path, query, headerPairs.clone(), headerPairs.length / 2, body);
  }

  /** @return the method, e.g. {@code GET} */
  public String method() {
    return method;
  }

  /** @return the path without the query, as sent (not percent-decoded) */
  public String path() {
    return path;
  }

  /** @return the query string without {@code ?}, or {@code null} */
  public String query() {
    return query;
  }

  /** @return the path and, if present, {@code ?} and the query: the request URL as sent */
  public String target() {
    return query == null ? path : path + '?' + query;
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, case-insensitive
   * @return the value, or {@code null}
   */
  public String header(String name) {
    for (int i = 0; i < headerCount; i++) {
      if (headers[2 * i].equalsIgnoreCase(name)) {
        return headers[2 * i + 1];
      }
    }
    return null;
  }

  /** @return how many header lines the request had */
  public int headerCount() {
    return headerCount;
  }

  /**
   * @param i index below {@link #headerCount()}
   * @return the i-th header name as sent
   */
  public String headerName(int i) {
    return headers[2 * i];
  }

  /** @return the body bytes; empty when there was none */
  public byte[] body() {
    return body;
  }

  /** @return the body decoded as UTF-8 */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return method + ' ' + target();
  }
}
