package dev.jobsdk.mock;

import java.util.Set;

/**
 * What the server saw, kept as counters and small bounded maps so memory stays flat under sustained
 * load: nothing is stored per request. Obtained from {@link MockJobServer#journal()}; not meant to be
 * implemented outside the mock server. Requests to the mock's own {@code /__mock/} admin API are not
 * counted.
 *
 * <p>Bounds: per-path counters keep the 10,000 most recently used method-and-path pairs and per-job
 * statistics the 10,000 most recently polled jobs; older entries are dropped, so counts for them read 0.
 */
public interface MockJournal {

  /**
   * Returns how many requests arrived, faulted ones included.
   *
   * @return the total request count
   */
  long requestCount();

  /**
   * Returns how many requests matched a method and a path glob (query strings ignored).
   *
   * @param method an HTTP method, or {@code "*"} for any
   * @param pathGlob a path where {@code *} matches one segment and {@code **} any number of segments,
   *     e.g. {@code /v1/async-jobs/*}
   * @return the matching request count
   */
  long requestCount(String method, String pathGlob);

  /**
   * Returns how many status polls the job received: {@code GET} of {@code /api/v1/bd/jobs/{id}},
   * {@code /api/v1/growth/runs/{id}}, {@code /v1/async-jobs/{id}} or {@code /api/jobs/{id}},
   * whatever the answer was (faults and auth errors included).
   *
   * @param jobId the job id
   * @return the number of polls
   */
  long pollsOf(String jobId);

  /**
   * Returns how many status polls of the job arrived after a response had already shown the job in a
   * terminal state (DeepCurrent {@code completed/failed/cancelled}, DeepIDV {@code ready/failed}, Risk
   * tool {@code COMPLETED/FAILED}). Only a response that reached the client intact counts as shown: one
   * replaced, reset, truncated or made malformed by a fault does not. A client that stops polling as soon
   * as it sees a terminal state scores 0. Result and asset downloads are not polls.
   *
   * @param jobId the job id
   * @return the number of polls after a terminal state was shown
   */
  long requestsAfterTerminal(String jobId);

  /**
   * Returns the names (never values) of credential headers seen: {@code Authorization},
   * {@code x-api-key}, {@code Cookie} and similar, each in that usual spelling whatever the case a
   * client sent (header names are case-insensitive).
   *
   * @return an immutable set of header names
   */
  Set<String> authHeadersSeen();

  /** Forgets everything recorded so far. */
  void clear();
}
