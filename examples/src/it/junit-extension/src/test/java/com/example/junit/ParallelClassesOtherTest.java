package com.example.junit;

import dev.jobsdk.mock.MockJobServer;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The other half of {@link ParallelClassesTest}, registering the same extension instance. */
class ParallelClassesOtherTest {
  @RegisterExtension
  static final MockJobServerExtension MOCK = ParallelClassesTest.MOCK;

  @Test
  void second(MockJobServer server) throws Exception {
    ParallelClassesTest.meetTheOtherClass(server);
  }
}
