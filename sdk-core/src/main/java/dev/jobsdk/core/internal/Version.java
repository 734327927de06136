package dev.jobsdk.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, as the build wrote it. */
public final class Version {
  private Version() {}

  /** The SDK version, e.g. {@code 0.1.0}. */
  public static final String VERSION = read();

  /** The {@code User-Agent} every request carries. */
  public static final String USER_AGENT = "jobsdk-java/" + VERSION;

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
