package dev.jobsdk.mock.internal;

import dev.jobsdk.mock.MockJournal;
import dev.jobsdk.mock.internal.web.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters and two small LRU maps; nothing is kept per request. */
public final class Journal implements MockJournal {

  /** How many method-and-path pairs and how many jobs are tracked. */
  public static final int CAPACITY = 10_000;
  private static final int MAX_AUTH_NAMES = 64;
  /** Longer paths are counted under their first this-many characters. */
  static final int MAX_PATH = 256;
  private static final int MAX_METHOD = 16;
  private static final int MAX_JOB_ID = 64;
  private static final String[] CREDENTIAL_HEADERS = {
    "Authorization", "x-api-key", "Cookie", "api-key", "X-Auth-Token", "Proxy-Authorization"};

  private final LongAdder total = new LongAdder();
  private final Object lock = new Object();
  private final Map<String, PathCount> perPath = lru();
  private final Map<String, JobPolls> perJob = lru();
  private final Set<String> authNames = ConcurrentHashMap.newKeySet();

  private static final class PathCount {
    final String method;
    final String path;
    long count;

    PathCount(String method, String path) {
      this.method = method;
      this.path = path;
    }
  }

  private static final class JobPolls {
    long polls;
    long afterTerminal;
    boolean terminalShown;
  }

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > CAPACITY;
      }
    };
  }

  /**
   * Records one request.
   *
   * @param request the request
   * @param polledJobId the job id when the request is a status poll, else {@code null}
   */
  public void record(HttpRequest request, String polledJobId) {
    total.increment();
    for (int i = 0, n = request.headerCount(); i < n; i++) {
      String name = credentialHeader(request.headerName(i));
      if (name != null && authNames.size() < MAX_AUTH_NAMES) {
        authNames.add(name);
      }
    }
    // client-chosen strings are cut, so 10,000 remembered paths cost at most a few megabytes
    String method = cap(request.method(), MAX_METHOD);
    String path = cap(request.path(), MAX_PATH);
    polledJobId = polledJobId == null ? null : cap(polledJobId, MAX_JOB_ID);
    String key = method + ' ' + path;
    synchronized (lock) {
      perPath.computeIfAbsent(key, k -> new PathCount(method, path)).count++;
      if (polledJobId != null) {
        JobPolls polls = perJob.computeIfAbsent(polledJobId, k -> new JobPolls());
        polls.polls++;
        if (polls.terminalShown) {
          polls.afterTerminal++;
        }
      }
    }
  }

  private static String cap(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  /**
   * Notes that a response showed the job in a terminal state.
   *
   * @param jobId the job id
   */
  public void terminalShown(String jobId) {
    synchronized (lock) {
      perJob.computeIfAbsent(jobId, k -> new JobPolls()).terminalShown = true;
    }
  }

  /**
   * @param name a header name in any case
   * @return the credential header's usual spelling, or {@code null} when it is not one; HTTP header
   *     names are case-insensitive and the engine does not keep the case a client sent
   */
  private static String credentialHeader(String name) {
    for (String known : CREDENTIAL_HEADERS) {
      if (known.length() == name.length() && known.equalsIgnoreCase(name)) {
        return known;
      }
    }
    return null;
  }

  @Override
  public long requestCount() {
    return total.sum();
  }

  @Override
  public long requestCount(String method, String pathGlob) {
    Objects.requireNonNull(method, "method");
    PathGlob glob = PathGlob.compile(Objects.requireNonNull(pathGlob, "pathGlob"));
    String wanted = method.trim().toUpperCase(Locale.ROOT);
    boolean anyMethod = "*".equals(wanted);
    long sum = 0;
    synchronized (lock) {
      for (PathCount entry : perPath.values()) {
        if ((anyMethod || entry.method.equalsIgnoreCase(wanted)) && glob.matches(entry.path)) {
          sum += entry.count;
        }
      }
    }
    return sum;
  }

  @Override
  public long pollsOf(String jobId) {
    synchronized (lock) {
      JobPolls polls = perJob.get(jobId);
      return polls == null ? 0 : polls.polls;
    }
  }

  @Override
  public long requestsAfterTerminal(String jobId) {
    synchronized (lock) {
      JobPolls polls = perJob.get(jobId);
      return polls == null ? 0 : polls.afterTerminal;
    }
  }

  @Override
  public Set<String> authHeadersSeen() {
    return Set.copyOf(authNames);
  }

  @Override
  public void clear() {
    synchronized (lock) {
      total.reset();
      perPath.clear();
      perJob.clear();
      authNames.clear();
    }
  }
}
