package dev.jobsdk.deepcurrent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The streamed body of a downloaded asset. It is an {@link InputStream} of the asset's bytes that
 * also knows the media type, length and file name the server sent. Read it once, and close it
 * (try-with-resources) to release the HTTP connection.
 *
 * <pre>{@code
 * try (AssetDownload asset = client.bdJobs().downloadAsset(jobId, "verified_contacts")) {
 *   JsonValue contacts = mapper.readTree(asset);
 * }
 * }</pre>
 *
 * <p>Not thread-safe, like any stream.
 */
public final class AssetDownload extends InputStream {
  private final InputStream body;
  private final String contentType;
  private final long contentLength;
  private final String fileName;

  /**
   * Wraps a stream, for example to stand in for a download in your own tests.
   *
   * @param body the bytes; closed by {@link #close()}
   * @param contentType the media type, or null when unknown
   * @param contentLength the length in bytes, or -1 when unknown
   * @param fileName the file name the server suggested, already made safe, or null
   */
  public AssetDownload(InputStream body, String contentType, long contentLength, String fileName) {
    this.body = Objects.requireNonNull(body, "body");
    this.contentType = contentType;
    this.contentLength = contentLength;
    this.fileName = fileName;
  }

  /**
   * Returns the media type the server sent.
   *
   * @return the {@code Content-Type}, such as {@code application/json}, or empty
   */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /**
   * Returns the body's length.
   *
   * @return the length in bytes, or empty when the server did not say
   */
  public OptionalLong contentLength() {
    return contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(contentLength);
  }

  /**
   * Returns the file name the server suggested in {@code Content-Disposition}, reduced to a bare
   * name that is safe to create in any directory (no path separators, no {@code ..}, no control
   * characters).
   *
   * @return the safe file name, or empty when none was sent or nothing safe was left of it
   */
  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  @Override
  public int read() throws IOException {
    return body.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return body.read(b, off, len);
  }

  @Override
  public long skip(long n) throws IOException {
    return body.skip(n);
  }

  @Override
  public int available() throws IOException {
    return body.available();
  }

  @Override
  public long transferTo(OutputStream out) throws IOException {
    return body.transferTo(out);
  }

  /** Closes the body and releases the connection. */
  @Override
  public void close() throws IOException {
    body.close();
  }

  @Override
  public String toString() {
    return "AssetDownload{contentType="
        + contentType
        + ", contentLength="
        + (contentLength < 0 ? "unknown" : contentLength)
        + (fileName != null ? ", fileName=" + fileName : "")
        + '}';
  }
}
