package dev.jobsdk.core.internal;

import dev.jobsdk.core.ClientClosedException;

/** Whether a client is still open; shared by its transport and poller. Thread-safe. */
public final class Lifecycle {
  private volatile boolean closed;

  /** Creates an open lifecycle. */
  public Lifecycle() {}

  /**
   * Marks the client closed.
   *
   * @return true if this call closed it, false if it was already closed
   */
  synchronized boolean close() {
    if (closed) {
      return false;
    }
    closed = true;
    return true;
  }

  /**
   * Returns whether the client was closed.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Throws if the client was closed.
   *
   * @param what the call being made, for the message
   * @throws ClientClosedException if it was
   */
  public void checkOpen(String what) {
    if (closed) {
      throw closedException(what);
    }
  }

  /**
   * Throws {@link ClientClosedException} if the client is closed; the message is built only then.
   *
   * @param method the call's HTTP method
   * @param path the call's path
   */
  public void checkOpen(String method, String path) {
    if (closed) {
      throw closedException(method + " " + path);
    }
  }

  /**
   * Returns the exception for a call that met a closed client.
   *
   * @param what the call or wait, for the message
   * @return the exception
   */
  public static ClientClosedException closedException(String what) {
    return new ClientClosedException("The client was closed; " + what + " cannot go on");
  }
}
