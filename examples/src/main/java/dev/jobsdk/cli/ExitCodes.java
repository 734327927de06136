package dev.jobsdk.cli;

import dev.jobsdk.core.AuthenticationException;
import dev.jobsdk.core.JobCancelledException;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobStalledException;
import dev.jobsdk.core.JobTimeoutException;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PermissionDeniedException;

/** The CLI's exit codes, one place. */
final class ExitCodes {
  static final int SUCCEEDED = 0;
  static final int FAILED = 1;
  static final int CANCELLED = 2;
  static final int TIMED_OUT = 3;
  static final int NOT_FOUND = 4;
  static final int AUTH = 5;
  static final int OTHER_ERROR = 6;
  static final int USAGE = 64;
  /** Ctrl-C during a wait: the JVM exits with 128 + SIGINT after the shutdown hook printed how to resume. */
  static final int INTERRUPTED = 130;

  private ExitCodes() {}

  /**
   * Returns the exit code for a failure.
   *
   * @param t what ended the command
   * @return the exit code
   */
  static int of(Throwable t) {
    if (t instanceof JobFailedException) {
      return FAILED;
    }
    if (t instanceof JobCancelledException) {
      return CANCELLED;
    }
    if (t instanceof JobTimeoutException || t instanceof JobStalledException) {
      return TIMED_OUT;
    }
    if (t instanceof NotFoundException) {
      return NOT_FOUND;
    }
    if (t instanceof AuthenticationException || t instanceof PermissionDeniedException) {
      return AUTH;
    }
    if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
      return USAGE;
    }
    return OTHER_ERROR;
  }
}
