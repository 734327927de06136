package dev.jobsdk.mock.internal.web;

/** Reason phrases, for error bodies that name the status. */
public final class HttpStatus {

  private HttpStatus() {
  }

  /**
   * @param code a status code
   * @return its reason phrase, e.g. {@code Too Many Requests}
   */
  public static String reason(int code) {
    return switch (code) {
      case 100 -> "Continue";
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 402 -> "Payment Required";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      case 505 -> "HTTP Version Not Supported";
      default -> code < 200 ? "Informational" : code < 300 ? "Success" : code < 400 ? "Redirection"
          : code < 500 ? "Client Error" : "Server Error";
    };
  }
}
