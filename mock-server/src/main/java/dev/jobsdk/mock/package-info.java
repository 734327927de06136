/**
 * An in-memory mock of three vendors' long-running job APIs (DeepCurrent, DeepIDV, the CGIAR Risk
 * Intelligence Tool) on a virtual clock, with scripted lifecycles, tenancy, faults and a bounded journal.
 * Start with {@link dev.jobsdk.mock.MockJobServer#builder()}.
 */
package dev.jobsdk.mock;
