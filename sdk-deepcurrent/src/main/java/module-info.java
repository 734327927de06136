/**
 * jobsdk client for DeepCurrent: BD (business-development) jobs and growth runs.
 *
 * <p>Start at {@link dev.jobsdk.deepcurrent.DeepCurrentClient}.
 */
module dev.jobsdk.deepcurrent {
  requires transitive dev.jobsdk.core;
  requires com.fasterxml.jackson.databind;

  exports dev.jobsdk.deepcurrent;

  opens dev.jobsdk.deepcurrent to
      com.fasterxml.jackson.databind;
  opens dev.jobsdk.deepcurrent.internal to
      com.fasterxml.jackson.databind;
}
