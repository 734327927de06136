package dev.jobsdk.mock.internal;

import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.Vendor;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import java.util.function.Supplier;

/**
 * One vendor's routes. A vendor translates between its JSON and the shared job model; the clock,
 * store, faults and journal belong to the {@link Engine}.
 */
public abstract class VendorApi {

  /** The engine this vendor serves in. */
  protected final Engine engine;

  /** @param engine the engine this vendor serves in */
  protected VendorApi(Engine engine) {
    this.engine = engine;
  }

  /** @return the vendor */
  public abstract Vendor vendor();

  /** @return this vendor's routes: which exist, which are polls, and their handlers */
  protected abstract RouteTable routes();

  /** @return this vendor's routes, for the index page */
  public final RouteTable routeTable() {
    return routes();
  }

  /**
   * @param request a request no route of this vendor matches
   * @return the vendor's answer to an unknown path
   */
  protected abstract HttpResponse notFound(HttpRequest request);

  /**
   * @param request a request whose path a route matches, but not its method
   * @return the vendor's answer; by default the same as {@link #notFound(HttpRequest)}
   */
  protected HttpResponse methodNotAllowed(HttpRequest request) {
    return notFound(request);
  }

  /**
   * Applies the vendor's documented rate limits, when the server enforces them.
   *
   * @param request the request
   * @param route the matched route
   * @return a 429 response in the vendor's envelope, or {@code null} to serve the request
   */
  protected HttpResponse throttle(HttpRequest request, RouteTable.Route route) {
    return null;
  }

  /**
   * @param method the request method
   * @param segments the request path's segments
   * @return the job id when the request is a status poll, else {@code null}
   */
  public final String polledJobId(String method, String[] segments) {
    return routes().polledJobId(method, segments);
  }

  private HttpResponse route(HttpRequest request, String[] segments) {
    RouteTable.Match match = routes().match(request.method(), segments);
    if (match == null) {
      return notFound(request);
    }
    if (!match.methodAllowed()) {
      return methodNotAllowed(request);
    }
    HttpResponse limited = throttle(request, match.route());
    return limited != null ? limited : match.handle(request);
  }

  /**
   * An error in this vendor's envelope, for injected faults.
   *
   * @param status the status code
   * @param request the request
   * @return the response
   */
  public abstract HttpResponse faultResponse(int status, HttpRequest request);

  /**
   * @param job a job of this vendor
   * @param view its current view (never {@link Phase#GONE})
   * @return the status the vendor shows, e.g. {@code ready}
   */
  public abstract String statusWord(JobRecord job, JobView view);

  /**
   * The status a client reads: the stage's own status word while a {@link Lifecycle.Stage} that shows
   * one runs (e.g. a status the SDK does not know), else {@link #statusWord(JobRecord, JobView)}.
   *
   * @param job a job of this vendor
   * @param view its current view
   * @return the status to show
   */
  public final String statusOf(JobRecord job, JobView view) {
    if (view.phase() == Phase.RUNNING && view.stageIndex() >= 0
        && view.stageIndex() < job.lifecycle().stages().size()) {
      java.util.Optional<String> shown = job.lifecycle().stages().get(view.stageIndex()).status();
      if (shown.isPresent()) {
        return shown.get();
      }
    }
    return statusWord(job, view);
  }

  /** Restores demo accounts and forgets scripted lifecycles and other per-vendor state. */
  public abstract void reset();

  /**
   * Handles a request routed to this vendor.
   *
   * @param request the request
   * @param segments the request path's segments
   * @return the response
   */
  public final HttpResponse handle(HttpRequest request, String[] segments) {
    try {
      return route(request, segments);
    } catch (ApiError e) {
      return e.response();
    }
  }

  /**
   * Picks a new job's lifecycle: the one given for it, else the next queued one, else the configured
   * default, else a seeded default.
   *
   * @param explicit the lifecycle given for this job, or {@code null}
   * @param queued takes the next queued lifecycle, or gives {@code null}; only called when needed
   * @param configured the default a test configured, or {@code null}
   * @param seeded builds the seeded default
   * @return the lifecycle
   */
  public static Lifecycle chooseLifecycle(Lifecycle explicit, Supplier<Lifecycle> queued, Lifecycle configured,
      Supplier<Lifecycle> seeded) {
    if (explicit != null) {
      return explicit;
    }
    Lifecycle next = queued.get();
    if (next != null) {
      return next;
    }
    return configured != null ? configured : seeded.get();
  }

  /**
   * @param value a string
   * @return whether it is a UUID in its canonical 8-4-4-4-12 hex form
   */
  public static boolean isUuid(String value) {
    if (value == null || value.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = value.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }
}
