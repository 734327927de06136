package dev.jobsdk.mock;

import dev.jobsdk.mock.internal.FaultDecision;
import dev.jobsdk.mock.internal.FaultPolicy;
import dev.jobsdk.mock.internal.PathGlob;
import dev.jobsdk.mock.internal.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The server's fault rules: what {@link MockFaults} edits and what the engine asks per request. */
final class FaultRules implements MockFaults, FaultPolicy {

  private static final Rule[] NONE = new Rule[0];

  private final long seed;
  private volatile Rule[] rules = NONE;
  private long added;

  FaultRules(long seed) {
    this.seed = seed;
  }

  private static final class Rule {
    final Fault fault;
    final PathGlob glob;
    final boolean anyMethod;
    final FaultDecision decision;
    final SplittableRandom random;
    long matches;

    Rule(Fault fault, SplittableRandom random) {
      this.fault = fault;
      this.glob = PathGlob.compile(fault.pathGlob);
      this.anyMethod = "*".equals(fault.method);
      this.random = random;
      FaultDecision.Action action = switch (fault.action) {
        case STATUS -> FaultDecision.Action.STATUS;
        case RESET -> FaultDecision.Action.RESET;
        case TRUNCATE -> FaultDecision.Action.TRUNCATE;
        case MALFORMED -> FaultDecision.Action.MALFORMED;
        case NONE -> FaultDecision.Action.NONE;
      };
      this.decision = new FaultDecision(action, fault.status, fault.retryAfter, fault.retryAfterAsDate,
          fault.latency == null ? 0 : fault.latency.toMillis(), fault.processesRequest(),
          fault.bodyContentType, fault.body);
    }

    synchronized boolean fires() {
      long n = ++matches;
      return switch (fault.trigger) {
        case ALWAYS -> true;
        case NTH -> n == fault.count;
        case TIMES -> n <= fault.count;
        case PROBABILITY -> random.nextDouble() < fault.probability;
      };
    }
  }

  @Override
  public synchronized MockFaults add(Fault fault) {
    fault.validate();
    Rule[] current = rules;
    Rule[] grown = Arrays.copyOf(current, current.length + 1);
    grown[current.length] = new Rule(fault, new SplittableRandom(Seeds.mix(seed, ++added)));
    rules = grown;
    return this;
  }

  @Override
  public List<Fault> list() {
    List<Fault> faults = new ArrayList<>();
    for (Rule rule : rules) {
      faults.add(rule.fault);
    }
    return List.copyOf(faults);
  }

  @Override
  public synchronized void clear() {
    rules = NONE;
  }

  @Override
  public synchronized void reset() {
    rules = NONE;
    added = 0;
  }

  @Override
  public FaultDecision decide(String method, String[] pathSegments) {
    Rule[] current = rules;
    for (Rule rule : current) {
      if ((rule.anyMethod || rule.fault.method.equals(method)) && rule.glob.matches(pathSegments)
          && rule.fires()) {
        return rule.decision;
      }
    }
    return null;
  }
}
