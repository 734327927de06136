package dev.jobsdk.mock.internal;

import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * One vendor's routes, declared in one place: method, path template with {@code {named}} segments,
 * whether the route is a status poll, and the handler. Matching walks the few routes of a vendor and
 * compares segments, so it is linear in the path and allocation-light.
 */
public final class RouteTable {

  /** Handles one matched request. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param request the request
     * @param params the path's named segments
     * @return the response; may throw {@link ApiError}
     */
    HttpResponse handle(HttpRequest request, Params params);
  }

  /** The values of a matched path's {@code {named}} segments. */
  public static final class Params {
    private final String[] pattern;
    private final String[] segments;

    Params(String[] pattern, String[] segments) {
      this.pattern = pattern;
      this.segments = segments;
    }

    /**
     * @param name a segment name from the route's template, without braces
     * @return the segment's value as sent
     * @throws IllegalArgumentException when the template has no such segment
     */
    public String get(String name) {
      for (int i = 0; i < pattern.length; i++) {
        if (pattern[i] != null && pattern[i].length() == name.length() + 2 && pattern[i].regionMatches(1, name, 0,
            name.length())) {
          return segments[i];
        }
      }
      throw new IllegalArgumentException("no path parameter {" + name + "}");
    }
  }

  /**
   * One route.
   *
   * @param method the HTTP method
   * @param template the path template, e.g. {@code /api/jobs/{id}}
   * @param pollParam the segment naming the polled job, or {@code null} when the route is no poll
   * @param limited which rate-limit group the route counts against, or {@code null} for none
   * @param handler the handler
   */
  public record Route(String method, String template, String pollParam, String limited, Handler handler) {

    /** @return whether a client polls a job's status with this route */
    public boolean poll() {
      return pollParam != null;
    }

    /** @return e.g. {@code GET /api/jobs/{id}} */
    public String describe() {
      return method + ' ' + template;
    }
  }

  /**
   * A lookup's outcome.
   *
   * @param route the route whose path matched, with the request's method if any did
   * @param params the path's named segments
   * @param methodAllowed whether a route with this path accepts the request's method
   */
  public record Match(Route route, Params params, boolean methodAllowed) {

    /**
     * @param request the request
     * @return the handler's response
     */
    public HttpResponse handle(HttpRequest request) {
      return route.handler().handle(request, params);
    }
  }

  private final List<Route> routes;
  private final List<String[]> patterns;

  private RouteTable(List<Route> routes) {
    this.routes = List.copyOf(routes);
    this.patterns = new ArrayList<>();
    for (Route route : routes) {
      patterns.add(PathGlob.split(route.template()));
    }
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the routes in declaration order */
  public List<Route> routes() {
    return routes;
  }

  /**
   * Finds the route of a request.
   *
   * @param method the request's method
   * @param segments the request path's segments
   * @return the match, or {@code null} when no route has this path
   */
  public Match match(String method, String[] segments) {
    Match pathOnly = null;
    for (int i = 0; i < routes.size(); i++) {
      String[] pattern = patterns.get(i);
      if (!matches(pattern, segments)) {
        continue;
      }
      Route route = routes.get(i);
      Params params = new Params(placeholders(pattern), segments);
      if (route.method().equals(method)) {
        return new Match(route, params, true);
      }
      if (pathOnly == null) {
        pathOnly = new Match(route, params, false);
      }
    }
    return pathOnly;
  }

  /**
   * @param method the request's method
   * @param segments the request path's segments
   * @return the polled job's id when the request is a status poll, else {@code null}
   */
  public String polledJobId(String method, String[] segments) {
    Match match = match(method, segments);
    return match != null && match.methodAllowed() && match.route().poll()
        ? match.params().get(match.route().pollParam()) : null;
  }

  private static boolean matches(String[] pattern, String[] segments) {
    if (pattern.length != segments.length) {
      return false;
    }
    for (int i = 0; i < pattern.length; i++) {
      if (!isPlaceholder(pattern[i]) && !pattern[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPlaceholder(String segment) {
    return segment.length() > 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}';
  }

  private static String[] placeholders(String[] pattern) {
    String[] names = new String[pattern.length];
    for (int i = 0; i < pattern.length; i++) {
      names[i] = isPlaceholder(pattern[i]) ? pattern[i] : null;
    }
    return names;
  }

  /** Declares routes in the order a reader should find them. */
  public static final class Builder {
    private final List<Route> routes = new ArrayList<>();

    private Builder() {
    }

    /**
     * @param template the path template
     * @param handler the handler
     * @return this builder
     */
    public Builder get(String template, Handler handler) {
      return add("GET", template, null, null, handler);
    }

    /**
     * @param template the path template
     * @param handler the handler
     * @return this builder
     */
    public Builder post(String template, Handler handler) {
      return add("POST", template, null, null, handler);
    }

    /**
     * A {@code GET} that polls a job's status: the journal counts it as a poll of that job.
     *
     * @param template the path template
     * @param idParam the segment holding the job id
     * @param handler the handler
     * @return this builder
     */
    public Builder poll(String template, String idParam, Handler handler) {
      return add("GET", template, "{" + idParam + "}", null, handler);
    }

    /**
     * Adds a route of any kind.
     *
     * @param method the method
     * @param template the path template
     * @param pollParam {@code {name}} of the polled job's segment, or {@code null}
     * @param limited the rate-limit group, or {@code null}
     * @param handler the handler
     * @return this builder
     */
    public Builder add(String method, String template, String pollParam, String limited, Handler handler) {
      String name = pollParam == null ? null : pollParam.substring(1, pollParam.length() - 1);
      routes.add(new Route(method, template, name, limited, handler));
      return this;
    }

    /**
     * Marks the route added last as counting against a rate-limit group.
     *
     * @param group the group's name
     * @return this builder
     */
    public Builder limited(String group) {
      Route last = routes.remove(routes.size() - 1);
      routes.add(new Route(last.method(), last.template(), last.pollParam(), group, last.handler()));
      return this;
    }

    /** @return the table */
    public RouteTable build() {
      return new RouteTable(routes);
    }
  }
}
