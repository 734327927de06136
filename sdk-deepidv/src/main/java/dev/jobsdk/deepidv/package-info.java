/**
 * The DeepIDV client: {@link dev.jobsdk.deepidv.DeepIdvClient}, its services ({@link
 * dev.jobsdk.deepidv.ScreeningService}, {@link dev.jobsdk.deepidv.AsyncJobService}) and their
 * models. Async jobs are a sealed union ({@link dev.jobsdk.deepidv.AsyncJob}); a screening's result
 * is an {@link dev.jobsdk.deepidv.AdverseMediaResult}.
 */
package dev.jobsdk.deepidv;
