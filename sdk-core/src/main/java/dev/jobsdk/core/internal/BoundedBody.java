package dev.jobsdk.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads a success body into memory only up to a limit: a declared {@code Content-Length} over it
 * fails before a byte is read, and a body without one fails as soon as it passes the limit.
 */
final class BoundedBody {
  private BoundedBody() {}

  /** The body was over the limit; Transport turns it into a ResponseTooLargeException. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final long declared;

    TooLarge(long declared) {
      super("response body over the limit");
      this.declared = declared;
    }
  }

  /**
   * Returns the body's bytes as a stream that fails once more than {@code limit} bytes are read.
   *
   * @param body the body
   * @param limit the most bytes allowed
   * @return the stream
   * @throws TooLarge if the declared length is over the limit
   */
  static InputStream stream(ResponseBody body, long limit) throws TooLarge {
    long declared = body.contentLength();
    if (declared > limit) {
      throw new TooLarge(declared);
    }
    return new FilterInputStream(body.byteStream()) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          count(n);
        }
        return n;
      }

      private void count(int n) throws TooLarge {
        read += n;
        if (read > limit) {
          throw new TooLarge(-1);
        }
      }
    };
  }

  /**
   * Reads the whole body into memory, up to the limit. The bytes are buffered by the connection's
   * own source (no intermediate copy buffers), so a small poll answer costs one array of its size.
   *
   * @param body the body
   * @param limit the most bytes allowed
   * @return the bytes
   * @throws IOException if it cannot be read or is over the limit
   */
  static byte[] bytes(ResponseBody body, long limit) throws IOException {
    long declared = body.contentLength();
    if (declared > limit) {
      throw new TooLarge(declared);
    }
    BufferedSource source = body.source();
    // request(n) buffers until n bytes are there or the body ends: more than the limit means over.
    if (source.request(limit == Long.MAX_VALUE ? limit : limit + 1)) {
      throw new TooLarge(-1);
    }
    return source.readByteArray();
  }

  /**
   * Returns the charset a body declares, or UTF-8.
   *
   * @param body the body
   * @return the charset
   */
  static Charset charset(ResponseBody body) {
    MediaType type = body.contentType();
    Charset charset = type == null ? null : type.charset(null);
    return charset != null ? charset : StandardCharsets.UTF_8;
  }
}
