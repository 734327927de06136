/**
 * The jobsdk mock server: all three vendors' job APIs on a virtual clock, usable from Java, from JUnit 5
 * and standalone. Depends on no SDK module.
 */
module dev.jobsdk.mock {
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires jdk.httpserver;
  requires static okhttp3.tls;
  requires static transitive org.junit.jupiter.api;

  exports dev.jobsdk.mock;
  exports dev.jobsdk.mock.junit;
}
