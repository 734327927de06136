package dev.jobsdk.core.internal;

import java.io.Closeable;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.Response;

/** A streamed response body. Closing it releases the connection. */
public final class Download implements Closeable {
  private final Response response;

  Download(Response response) {
    this.response = response;
  }

  /**
   * Returns the body as a stream; read it once.
   *
   * @return the body
   */
  public InputStream stream() {
    return response.body().byteStream();
  }

  /**
   * Returns the body's media type.
   *
   * @return the {@code Content-Type}, or empty
   */
  public Optional<String> contentType() {
    return Optional.ofNullable(response.header("Content-Type"));
  }

  /**
   * Returns the body's length.
   *
   * @return the length, or empty when unknown
   */
  public OptionalLong contentLength() {
    long n = response.body().contentLength();
    return n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
  }

  /**
   * Returns the file name the server suggested in {@code Content-Disposition}, unvalidated.
   *
   * @return the raw file name, or empty
   */
  public Optional<String> suggestedFileName() {
    String cd = response.header("Content-Disposition");
    if (cd == null) {
      return Optional.empty();
    }
    for (String part : cd.split(";")) {
      String p = part.trim();
      if (p.regionMatches(true, 0, "filename=", 0, 9)) {
        String name = p.substring(9).trim();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
          name = name.substring(1, name.length() - 1);
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    response.close();
  }
}
