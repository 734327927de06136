package dev.jobsdk.mock;

/** The three vendors whose job APIs the mock server implements. */
public enum Vendor {
  /** DeepCurrent: BD jobs and growth runs under {@code /api/v1}. */
  DEEPCURRENT,
  /** DeepIDV: adverse-media screening and async jobs under {@code /v1}. */
  DEEPIDV,
  /** CGIAR Risk Intelligence Tool: jobs under {@code /api}. */
  RISK_TOOL
}
