/**
 * jobsdk for DeepIDV: adverse-media screening started as an async job, and the async-jobs API
 * that reports its state and result.
 *
 * <p>Public API: {@link dev.jobsdk.deepidv}. The {@code internal} package is not API.
 */
module dev.jobsdk.deepidv {
  requires transitive dev.jobsdk.core;
  requires com.fasterxml.jackson.databind;

  exports dev.jobsdk.deepidv;

  opens dev.jobsdk.deepidv to
      com.fasterxml.jackson.databind;
  opens dev.jobsdk.deepidv.internal to
      com.fasterxml.jackson.databind;
}
