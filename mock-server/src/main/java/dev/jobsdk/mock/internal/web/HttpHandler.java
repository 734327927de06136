package dev.jobsdk.mock.internal.web;

/** Turns a request into a response. Called concurrently from connection threads. */
@FunctionalInterface
public interface HttpHandler {
  /**
   * @param request the parsed request
   * @return the response; never {@code null}
   */
  HttpResponse handle(HttpRequest request);
}
