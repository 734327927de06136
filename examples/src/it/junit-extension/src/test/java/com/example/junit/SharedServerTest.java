package com.example.junit;

import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jobsdk.mock.MockJobServer;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** One instance per class: the class shares a server that is reset before each test. */
@ExtendWith(MockJobServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
class SharedServerTest {
  private final MockJobServer shared;

  SharedServerTest(MockJobServer server) {
    this.shared = server;
  }

  @RepeatedTest(3)
  void theClassSharesOneServer_resetBeforeEachTest(MockJobServer server) {
    assertSame(shared, server);
    InjectedServerTest.awaitOneScreening(server);
  }
}
