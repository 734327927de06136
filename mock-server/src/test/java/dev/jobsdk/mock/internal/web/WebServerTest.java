package dev.jobsdk.mock.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.mock.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine adapter at the byte level, through raw sockets: what a client sees for each disposition. */
class WebServerTest {

  private final WebServer server;

  WebServerTest() throws IOException {
    server = WebServer.start(0, request -> switch (request.path()) {
      case "/reset" -> HttpResponse.text(200, "text/plain", "never sent").disposition(HttpResponse.Disposition.RESET);
      case "/truncate" -> HttpResponse.text(200, "text/plain", "0123456789").disposition(HttpResponse.Disposition.TRUNCATE);
      case "/inject" -> HttpResponse.text(200, "text/plain\r\nX-Injected: yes", "ok").header("X-Note", "a\r\nSet-Cookie: b");
      case "/boom" -> throw new IllegalStateException("handler bug");
      default -> HttpResponse.text(200, "text/plain", request.method() + " " + request.target() + " ["
          + request.bodyText() + "] " + request.header("x-test"));
    }, null);
  }

  @AfterEach
  void close() {
    server.close();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + head);
      }
      head.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return 0;
  }

  /** Reads one response: status line, headers, and a Content-Length body. */
  private static String readResponse(InputStream in) throws IOException {
    String head = head(in);
    return head + new String(in.readNBytes(contentLength(head)), StandardCharsets.UTF_8);
  }

  @Test
  void servesPathQueryHeadersAndBody() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "POST /b?x=1 HTTP/1.1\r\nHost: t\r\nX-Test: one\r\nContent-Length: 5\r\n\r\nhello");
      String response = readResponse(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 200 ").endsWith("POST /b?x=1 [hello] one");
      assertThat(response.toLowerCase()).contains("content-type: text/plain");
    }
  }

  @Test
  void chunkedRequestBody_isReassembled() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
      assertThat(readResponse(socket.getInputStream())).endsWith("POST /c [abcde] null");
    }
  }

  @Test
  void keepAlive_unlessItWouldStall_thenEachResponseClosesItsConnection() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET /a HTTP/1.1\r\nHost: t\r\n\r\n");
      String first = readResponse(socket.getInputStream());
      if (server.closesEachConnection()) {
        assertThat(first.toLowerCase()).contains("connection: close");
        assertThat(socket.getInputStream().read()).isEqualTo(-1);
      } else {
        send(socket, "GET /b HTTP/1.1\r\nHost: t\r\n\r\n");
        assertThat(readResponse(socket.getInputStream())).endsWith("GET /b [] null");
      }
    }
  }

  @Test
  void reset_closesTheConnectionBeforeAnyResponseByte() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET /reset HTTP/1.1\r\nHost: t\r\n\r\n");
      int first;
      try {
        first = socket.getInputStream().read();
      } catch (IOException e) {
        first = -1; // a true reset
      }
      assertThat(first).isEqualTo(-1);
    }
  }

  @Test
  void truncate_sendsTheFullLengthThenHalfTheBodyThenCloses() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET /truncate HTTP/1.1\r\nHost: t\r\n\r\n");
      InputStream in = socket.getInputStream();
      String head = head(in);
      assertThat(contentLength(head)).isEqualTo(10);
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("01234");
    }
  }

  @Test
  void handlerFailure_isA500_andLoggedOnce() throws IOException {
    try (LogCapture logs = LogCapture.of(WebServer.class); Socket socket = connect()) {
      send(socket, "GET /boom HTTP/1.1\r\nHost: t\r\n\r\n");
      assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 500 ").contains("mock server error");
      assertThat(logs.events()).singleElement().satisfies(e -> {
        assertThat(e.message()).startsWith("handler failed for GET /boom");
        assertThat(e.thrown()).isEqualTo("handler bug");
      });
    }
  }

  @Test
  void headerValues_neverCarryLineBreaks() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET /inject HTTP/1.1\r\nHost: t\r\n\r\n");
      String response = readResponse(socket.getInputStream());
      assertThat(response.toLowerCase()).doesNotContain("\r\nx-injected:").doesNotContain("\r\nset-cookie:");
      assertThat(response).endsWith("ok");
    }
  }

  @Test
  void declaredBodyAboveTheCap_is413_beforeAnyBodyByteArrives() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "POST /big HTTP/1.1\r\nHost: t\r\nContent-Length: " + (WebServer.MAX_BODY_BYTES + 1L) + "\r\n\r\n");
      String response = readResponse(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 413 ");
      assertThat(response.toLowerCase()).contains("connection: close");
    }
  }

  @Test
  void malformedChunkSize_isAnsweredNotDropped() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n");
      assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 400 ");
    }
  }

  @Test
  void headerValueCleaning_keepsPrintableText() {
    assertThat(WebServer.clean("application/json; charset=utf-8")).isEqualTo("application/json; charset=utf-8");
    assertThat(WebServer.clean("a\r\nb\u0000c")).isEqualTo("a  b c");
  }
}
