/**
 * jobsdk core: the transport, JSON, authentication, errors and the job poller that every jobsdk
 * vendor client is built on.
 *
 * <p>Public API: {@link dev.jobsdk.core} (job contract, polling policy, exceptions, client builder
 * base) and {@link dev.jobsdk.core.testing} (a virtual-time scheduler for tests). The {@code
 * internal} package is for the jobsdk vendor modules only.
 */
module dev.jobsdk.core {
  requires transitive okhttp3;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires io.github.resilience4j.retry;
  requires io.github.resilience4j.core;
  requires org.slf4j;

  exports dev.jobsdk.core;
  exports dev.jobsdk.core.testing;
  exports dev.jobsdk.core.internal to
      dev.jobsdk.deepcurrent,
      dev.jobsdk.deepidv,
      dev.jobsdk.jobs;
}
