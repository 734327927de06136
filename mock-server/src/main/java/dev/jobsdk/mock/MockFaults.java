package dev.jobsdk.mock;

import java.util.List;

/**
 * The fault rules of a server. Obtained from {@link MockJobServer#faults()}; not meant to be
 * implemented outside the mock server. Rules are checked in the order they were added and the first
 * rule that fires for a request applies; the mock's own {@code /__mock/} admin API is never faulted.
 */
public interface MockFaults {

  /**
   * Adds a rule.
   *
   * @param fault the rule
   * @return this, to chain further rules
   */
  MockFaults add(Fault fault);

  /**
   * Returns the rules in order.
   *
   * @return an immutable list
   */
  List<Fault> list();

  /** Removes every rule. */
  void clear();
}
