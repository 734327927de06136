package dev.jobsdk.deepcurrent;

import java.util.List;
import java.util.Objects;

/**
 * A completed BD job together with its result, as {@link BdJobHandle#awaitResult()}
 * returns it.
 *
 * @param job the job in its terminal, {@code completed} state
 * @param result its result, with the downloadable assets
 */
public record BdJobOutcome(BdJob job, BdJobResult result) {

  /**
   * Creates the record.
   *
   * @param job see {@link #job()}
   * @param result see {@link #result()}
   * @throws NullPointerException if a component is null (use empty optionals and lists)
   */
  public BdJobOutcome {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(result, "result");
  }

  /**
   * Returns the result's downloadable assets.
   *
   * @return the assets
   */
  public List<BdAsset> assets() {
    return result.assets();
  }
}
