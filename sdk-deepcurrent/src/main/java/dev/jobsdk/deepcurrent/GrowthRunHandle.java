package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JobHandle;
import java.util.Optional;

/**
 * A growth run that {@link GrowthService#run(GrowthQuote)} started: its id, the run as the start
 * call returned it, and ways to wait for it. Waiting returns the run in its terminal {@code
 * completed} state, with its artifact handles, preview and gap report.
 *
 * <p>Immutable and thread-safe; every wait polls on its own.
 */
public interface GrowthRunHandle extends JobHandle<GrowthRun, GrowthRun> {

  /**
   * Returns the run as the 202 answer of {@code POST /api/v1/growth/run} described it.
   *
   * @return the started run, or empty for a handle from {@link GrowthService#handle(String)}
   */
  Optional<GrowthRun> started();
}
