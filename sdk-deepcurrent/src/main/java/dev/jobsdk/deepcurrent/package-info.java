/**
 * The DeepCurrent client: {@link dev.jobsdk.deepcurrent.DeepCurrentClient}, its services ({@link
 * dev.jobsdk.deepcurrent.BdJobService} for BD jobs, {@link dev.jobsdk.deepcurrent.GrowthService}
 * for growth runs) and their models. BD jobs and growth runs implement {@link
 * dev.jobsdk.core.JobSnapshot}, so the core's waits, listeners and exceptions work on them; values
 * the SDK does not know yet (statuses, presets, capabilities, extra fields) are kept, never lost.
 */
package dev.jobsdk.deepcurrent;
