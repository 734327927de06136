package com.example.junit;

import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jobsdk.mock.MockJobServer;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two test classes whose tests can only pass together: each waits (bounded) for the other at a barrier,
 * so this proves the classes run at the same time, each with its own server from one shared extension.
 */
class ParallelClassesTest {
  static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

  @RegisterExtension
  static final MockJobServerExtension MOCK = MockJobServerExtension.builder().build();

  static void meetTheOtherClass(MockJobServer server) throws Exception {
    BOTH_RUNNING.await(60, TimeUnit.SECONDS);
    assertSame(server, MOCK.server(), "each thread sees its own test's server");
    InjectedServerTest.awaitOneScreening(server);
  }

  @Test
  void first(MockJobServer server) throws Exception {
    meetTheOtherClass(server);
  }
}
