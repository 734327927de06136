package dev.jobsdk.mock.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the requests of one keep-alive connection on one pooled thread. */
final class Connection implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private static final int BUFFER_SIZE = 16 * 1024;
  private static final int MAX_HEADER_BYTES = 64 * 1024;
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] CONTENT_TYPE = "Content-Type: ".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] CONNECTION_CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] SERVER = "Server: jobsdk-mock\r\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] NO_BODY = new byte[0];

  private final Socket socket;
  private final HttpHandler handler;
  private final Set<Connection> registry;
  private final byte[] in = new byte[BUFFER_SIZE];
  private int pos;
  private int lim;
  private byte[] out = new byte[4096];
  private int outLen;
  private InputStream input;
  private OutputStream output;

  Connection(Socket socket, HttpHandler handler, Set<Connection> registry) {
    this.socket = socket;
    this.handler = handler;
    this.registry = registry;
  }

  @Override
  public void run() {
    try {
      input = socket.getInputStream();
      output = socket.getOutputStream();
      serve();
    } catch (IOException e) {
      // the client went away, timed out, or the server is closing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("connection failed", e);
    } finally {
      close();
      registry.remove(this);
    }
  }

  void close() {
    HttpServer.closeQuietly(socket);
  }

  private void serve() throws IOException, InterruptedException {
    while (true) {
      HttpRequest request;
      try {
        request = readRequest();
      } catch (ProtocolError e) {
        writeProtocolError(e);
        return;
      }
      if (request == null) {
        return;
      }
      HttpResponse response;
      try {
        response = handler.handle(request);
      } catch (RuntimeException e) {
        LOG.error("handler failed for {}", request, e);
        response = HttpResponse.text(500, "application/json", "{\"error\":\"mock server error\"}");
      }
      if (response.delayMillis() > 0) {
        Thread.sleep(response.delayMillis());
      }
      switch (response.disposition()) {
        case RESET -> {
          socket.setSoLinger(true, 0);
          socket.close();
          return;
        }
        case TRUNCATE -> {
          write(response, request.method(), true, true);
          return;
        }
        default -> {
          write(response, request.method(), request.keepAlive(), false);
          if (!request.keepAlive()) {
            return;
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- reading

  private HttpRequest readRequest() throws IOException {
    String line;
    do {
      line = readLine();
      if (line == null) {
        return null;
      }
    } while (line.isEmpty());
    int sp1 = line.indexOf(' ');
    int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1) {
      throw new ProtocolError(400, "malformed request line");
    }
    String method = method(line.substring(0, sp1));
    String target = line.substring(sp1 + 1, sp2);
    String version = line.substring(sp2 + 1);
    boolean http11;
    if ("HTTP/1.1".equals(version)) {
      http11 = true;
    } else if ("HTTP/1.0".equals(version)) {
      http11 = false;
    } else {
      throw new ProtocolError(505, "only HTTP/1.0 and HTTP/1.1 are supported");
    }

    String[] headers = new String[24];
    int count = 0;
    int headerBytes = 0;
    while (true) {
      line = readLine();
      if (line == null) {
        throw new EOFException();
      }
      if (line.isEmpty()) {
        break;
      }
      headerBytes += line.length();
      if (headerBytes > MAX_HEADER_BYTES) {
        throw new ProtocolError(431, "request headers too large");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new ProtocolError(400, "malformed header line");
      }
      if (2 * count + 2 > headers.length) {
        headers = Arrays.copyOf(headers, headers.length * 2);
      }
      headers[2 * count] = line.substring(0, colon).trim();
      headers[2 * count + 1] = line.substring(colon + 1).trim();
      count++;
    }

    String connection = find(headers, count, "Connection");
    boolean keepAlive = http11
        ? connection == null || !containsToken(connection, "close")
        : connection != null && containsToken(connection, "keep-alive");

    String transferEncoding = find(headers, count, "Transfer-Encoding");
    String contentLength = find(headers, count, "Content-Length");
    boolean chunked = transferEncoding != null && containsToken(transferEncoding, "chunked");
    long length = 0;
    if (!chunked && contentLength != null) {
      try {
        length = Long.parseLong(contentLength);
      } catch (NumberFormatException e) {
        throw new ProtocolError(400, "malformed Content-Length");
      }
      if (length < 0) {
        throw new ProtocolError(400, "malformed Content-Length");
      }
      if (length > MAX_BODY_BYTES) {
        throw new ProtocolError(413, "request body too large");
      }
    }
    if ((chunked || length > 0) && http11 && "100-continue".equalsIgnoreCase(find(headers, count, "Expect"))) {
      output.write(CONTINUE);
      output.flush();
    }
    byte[] body = chunked ? readChunked() : length > 0 ? readFixed((int) length) : NO_BODY;

    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? null : target.substring(q + 1);
    if (path.startsWith("http://") || path.startsWith("https://")) {
      int slash = path.indexOf('/', path.indexOf("//") + 2);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    return new HttpRequest(method, path, query, headers, count, body, keepAlive);
  }

  private static String method(String raw) {
    return switch (raw) {
      case "GET" -> "GET";
      case "POST" -> "POST";
      case "PUT" -> "PUT";
      case "DELETE" -> "DELETE";
      default -> raw;
    };
  }

  private static String find(String[] headers, int count, String name) {
    for (int i = 0; i < count; i++) {
      if (headers[2 * i].equalsIgnoreCase(name)) {
        return headers[2 * i + 1];
      }
    }
    return null;
  }

  private static boolean containsToken(String value, String token) {
    int from = 0;
    while (from <= value.length()) {
      int comma = value.indexOf(',', from);
      int end = comma < 0 ? value.length() : comma;
      if (value.substring(from, end).trim().equalsIgnoreCase(token)) {
        return true;
      }
      if (comma < 0) {
        return false;
      }
      from = comma + 1;
    }
    return false;
  }

  /** Reads one line without its CR LF; {@code null} at a clean end of stream before any byte. */
  private String readLine() throws IOException {
    int scanned = pos;
    while (true) {
      for (int i = scanned; i < lim; i++) {
        if (in[i] == '\n') {
          int end = i > pos && in[i - 1] == '\r' ? i - 1 : i;
          String line = new String(in, pos, end - pos, StandardCharsets.ISO_8859_1);
          pos = i + 1;
          return line;
        }
      }
      scanned = lim;
      if (pos > 0) {
        System.arraycopy(in, pos, in, 0, lim - pos);
        scanned -= pos;
        lim -= pos;
        pos = 0;
      }
      if (lim == in.length) {
        throw new ProtocolError(431, "request line or header line too long");
      }
      int n = input.read(in, lim, in.length - lim);
      if (n < 0) {
        if (lim == pos) {
          return null;
        }
        throw new EOFException();
      }
      lim += n;
    }
  }

  private byte[] readFixed(int length) throws IOException {
    byte[] body = new byte[length];
    int buffered = Math.min(lim - pos, length);
    System.arraycopy(in, pos, body, 0, buffered);
    pos += buffered;
    int off = buffered;
    while (off < length) {
      int n = input.read(body, off, length - off);
      if (n < 0) {
        throw new EOFException();
      }
      off += n;
    }
    return body;
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine();
      if (sizeLine == null) {
        throw new EOFException();
      }
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new ProtocolError(400, "malformed chunk size");
      }
      if (size < 0 || body.size() + size > MAX_BODY_BYTES) {
        throw new ProtocolError(413, "request body too large");
      }
      if (size == 0) {
        String trailer;
        do {
          trailer = readLine();
          if (trailer == null) {
            throw new EOFException();
          }
        } while (!trailer.isEmpty());
        return body.toByteArray();
      }
      body.write(readFixed((int) size));
      String end = readLine();
      if (end == null || !end.isEmpty()) {
        throw new ProtocolError(400, "malformed chunk");
      }
    }
  }

  // ---------------------------------------------------------------- writing

  private void write(HttpResponse response, String method, boolean keepAlive, boolean truncate)
      throws IOException {
    byte[] body = response.body();
    outLen = 0;
    put(HttpStatus.statusLine(response.status()));
    put(SERVER);
    if (response.contentType() != null) {
      put(CONTENT_TYPE);
      putLatin1(response.contentType());
      put(CRLF);
    }
    String[] headers = response.headers();
    for (int i = 0; i < headers.length; i += 2) {
      putLatin1(headers[i]);
      putLatin1(": ");
      putLatin1(headers[i + 1]);
      put(CRLF);
    }
    put(CONTENT_LENGTH);
    putLatin1(Integer.toString(body.length));
    put(CRLF);
    if (!keepAlive && !truncate) {
      put(CONNECTION_CLOSE);
    }
    put(CRLF);
    if (!"HEAD".equals(method)) {
      put(body, truncate ? body.length / 2 : body.length);
    }
    output.write(out, 0, outLen);
    output.flush();
  }

  private void writeProtocolError(ProtocolError error) throws IOException {
    HttpResponse response = HttpResponse.text(error.status, "text/plain; charset=utf-8", error.getMessage());
    write(response, "GET", false, false);
  }

  private void put(byte[] bytes) {
    put(bytes, bytes.length);
  }

  private void put(byte[] bytes, int length) {
    ensure(length);
    System.arraycopy(bytes, 0, out, outLen, length);
    outLen += length;
  }

  private void putLatin1(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      out[outLen++] = (byte) s.charAt(i);
    }
  }

  private void ensure(int extra) {
    if (outLen + extra > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, outLen + extra));
    }
  }

  /** A request the server refuses at the protocol level; the connection closes after the answer. */
  private static final class ProtocolError extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    ProtocolError(int status, String message) {
      super(message);
      this.status = status;
    }
  }
}
