package dev.jobsdk.deepcurrent.internal;

import dev.jobsdk.core.internal.Checks;

/** Validation of caller-supplied ids, before any request is built. */
final class Ids {
  private Ids() {}

  /**
   * Checks an id that becomes one URL path segment. Ids are opaque (UUIDs today); the check only
   * rejects values that are blank or could change the request's path.
   */
  static String require(String id, String name) {
    return Checks.pathSegment(id, name);
  }
}
