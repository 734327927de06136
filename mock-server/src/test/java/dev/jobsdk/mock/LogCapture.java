package dev.jobsdk.mock;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what one logger writes while open, instead of printing it: a test that provokes an error on
 * purpose asserts on the log line rather than leaving an alarming ERROR or WARN in the build output.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final boolean additive;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(Class<?> loggerClass) {
    this.logger = (Logger) LoggerFactory.getLogger(loggerClass);
    this.additive = logger.isAdditive();
    appender.start();
    logger.addAppender(appender);
    logger.setAdditive(false);
  }

  /** Starts capturing the logger named after the class. */
  public static LogCapture of(Class<?> loggerClass) {
    return new LogCapture(loggerClass);
  }

  /** One captured line: its level, formatted message and the message of the throwable logged with it. */
  public record Event(String level, String message, String thrown) {
  }

  /** The events captured so far. */
  public List<Event> events() {
    return appender.list.stream().map(e -> new Event(e.getLevel().toString(), e.getFormattedMessage(),
        e.getThrowableProxy() == null ? null : e.getThrowableProxy().getMessage())).toList();
  }

  @Override
  public void close() {
    logger.setAdditive(additive);
    logger.detachAppender(appender);
    appender.stop();
  }
}
