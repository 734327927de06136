package dev.jobsdk.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.mock.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine at the byte level, through raw sockets. */
class HttpServerTest {

  private final HttpServer server;

  HttpServerTest() throws IOException {
    server = HttpServer.start(0, request -> switch (request.path()) {
      case "/reset" -> HttpResponse.text(200, "text/plain", "never sent").disposition(HttpResponse.Disposition.RESET);
      case "/truncate" -> HttpResponse.text(200, "text/plain", "0123456789").disposition(HttpResponse.Disposition.TRUNCATE);
      case "/boom" -> throw new IllegalStateException("handler bug");
      default -> HttpResponse.text(200, "text/plain", request.method() + " " + request.target() + " ["
          + request.bodyText() + "] " + request.header("x-test"));
    });
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

  /** Reads one response: status line, headers, and a Content-Length body. */
  private static String readResponse(InputStream in) throws IOException {
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
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    return headers + new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void keepAlive_servesSeveralRequestsOnOneConnection() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET /a?x=1 HTTP/1.1\r\nHost: t\r\nX-Test: one\r\n\r\n");
      String first = readResponse(socket.getInputStream());
      assertThat(first).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: ").endsWith("GET /a?x=1 [] one");
      send(socket, "POST /b HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello");
      assertThat(readResponse(socket.getInputStream())).endsWith("POST /b [hello] null").doesNotContain("Connection: close");
    }
  }

  @Test
  void pipelinedRequests_areAnsweredInOrder() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\n");
      assertThat(readResponse(socket.getInputStream())).endsWith("GET /1 [] null");
      assertThat(readResponse(socket.getInputStream())).endsWith("GET /2 [] null");
    }
  }

  @Test
  void chunkedBodies_areDecoded() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n"
          + "Trailer: x\r\n\r\n");
      assertThat(readResponse(socket.getInputStream())).endsWith("POST /c [hello world] null");
    }
  }

  @Test
  void expectContinue_getsAnInterimResponseBeforeTheBody() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "POST /e HTTP/1.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
      InputStream in = socket.getInputStream();
      byte[] interim = in.readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
      assertThat(new String(interim, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      send(socket, "abc");
      assertThat(readResponse(in)).endsWith("POST /e [abc] null");
    }
  }

  @Test
  void http10_withoutKeepAlive_closesAfterTheResponse() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET /old HTTP/1.0\r\n\r\n");
      InputStream in = socket.getInputStream();
      assertThat(readResponse(in)).contains("Connection: close").endsWith("GET /old [] null");
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void protocolErrors_areAnsweredAndTheConnectionClosed() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "NONSENSE\r\n\r\n");
      assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 400 Bad Request");
    }
    try (Socket socket = connect()) {
      send(socket, "POST /big HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n");
      assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 413 ");
    }
    try (Socket socket = connect()) {
      send(socket, "GET / HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
      assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 431 ");
    }
    try (Socket socket = connect()) {
      send(socket, "GET / HTTP/2.0\r\n\r\n");
      assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 505 ");
    }
  }

  @Test
  void handlerFailure_isA500AndTheConnectionStaysUsable() throws IOException {
    try (LogCapture logs = LogCapture.of(Connection.class); Socket socket = connect()) {
      send(socket, "GET /boom HTTP/1.1\r\n\r\n");
      assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 500 ");
      send(socket, "GET /after HTTP/1.1\r\n\r\n");
      assertThat(readResponse(socket.getInputStream())).endsWith("GET /after [] null");
      assertThat(logs.events()).singleElement().satisfies(e -> {
        assertThat(e.message()).startsWith("handler failed for GET /boom");
        assertThat(e.thrown()).isEqualTo("handler bug");
      });
    }
  }

  @Test
  void resetDisposition_resetsTheConnectionWithoutAByte() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET /reset HTTP/1.1\r\n\r\n");
      assertThatThrownBy(() -> {
        int b = socket.getInputStream().read();
        throw new AssertionError("read " + b + " instead of a reset");
      }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
    }
  }

  @Test
  void truncateDisposition_sendsHalfTheAnnouncedBodyThenCloses() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET /truncate HTTP/1.1\r\n\r\n");
      byte[] all = socket.getInputStream().readAllBytes();
      String text = new String(all, StandardCharsets.ISO_8859_1);
      assertThat(text).contains("Content-Length: 10\r\n").endsWith("\r\n\r\n01234");
    }
  }

  @Test
  void close_closesIdleKeepAliveConnections() throws IOException {
    try (Socket socket = connect()) {
      send(socket, "GET /a HTTP/1.1\r\n\r\n");
      readResponse(socket.getInputStream());
      server.close();
      int next;
      try {
        next = socket.getInputStream().read();
      } catch (SocketException e) {
        next = -1;
      }
      assertThat(next).isEqualTo(-1);
    }
  }
}
