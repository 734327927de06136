/**
 * The JUnit 5 extension that gives each test a fresh {@link dev.jobsdk.mock.MockJobServer}. Needs
 * {@code junit-jupiter-api} on the class path (an optional dependency of this module).
 */
package dev.jobsdk.mock.junit;
