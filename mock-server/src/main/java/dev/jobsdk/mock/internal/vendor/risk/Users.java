package dev.jobsdk.mock.internal.vendor.risk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.RouteTable;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import dev.jobsdk.mock.internal.vendor.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code /api/auth} resource: Cognito-style login with the first-login challenge, refresh, the
 * challenge's completion and a signed-in password change; and the bearer check every other route
 * uses.
 */
final class Users {

  private static final long REFRESH_LIFETIME_SECONDS = Duration.ofDays(30).toSeconds();
  private static final long SESSION_LIFETIME_SECONDS = Duration.ofMinutes(3).toSeconds();
  private static final int MIN_PASSWORD = 8;
  private static final int MAX_PASSWORD = 256;

  /** A user. Mutable only in its password and whether it must change it, under the user's lock. */
  static final class User {
    final String id;
    final String email;
    final boolean admin;
    private String password;
    private boolean mustChangePassword;

    private User(String id, String email, String password, boolean admin, boolean mustChangePassword) {
      this.id = id;
      this.email = email;
      this.password = password;
      this.admin = admin;
      this.mustChangePassword = mustChangePassword;
    }

    synchronized boolean passwordIs(String candidate) {
      return password.equals(candidate);
    }

    synchronized boolean mustChangePassword() {
      return mustChangePassword;
    }

    synchronized void setPassword(String newPassword) {
      password = newPassword;
      mustChangePassword = false;
    }
  }

  private final Engine engine;
  private final Envelope envelope;
  private final Map<String, User> byEmail = new ConcurrentHashMap<>();
  private final Map<String, User> byId = new ConcurrentHashMap<>();

  Users(Engine engine, Envelope envelope) {
    this.engine = engine;
    this.envelope = envelope;
  }

  void reset() {
    byEmail.clear();
    byId.clear();
    add(MockCredentials.RISK_USER_EMAIL, MockCredentials.RISK_USER_PASSWORD, false, false);
    add(MockCredentials.RISK_ADMIN_EMAIL, MockCredentials.RISK_ADMIN_PASSWORD, true, false);
    add(MockCredentials.RISK_NEW_USER_EMAIL, MockCredentials.RISK_NEW_USER_PASSWORD, false, true);
  }

  static String normalize(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  void add(String email, String password, boolean admin, boolean mustChangePassword) {
    String normalized = normalize(email);
    String id = UUID.nameUUIDFromBytes(("risk:" + normalized).getBytes(StandardCharsets.UTF_8)).toString();
    User user = new User(id, normalized, password, admin, mustChangePassword);
    if (byEmail.putIfAbsent(normalized, user) != null) {
      throw new IllegalArgumentException("user " + email + " exists already");
    }
    byId.put(id, user);
  }

  User user(String email) {
    User user = byEmail.get(normalize(Objects.requireNonNull(email, "email")));
    if (user == null) {
      throw new IllegalArgumentException("no Risk tool user " + email);
    }
    return user;
  }

  /** @return the user id of an owner email, or the email when no such user exists (any more) */
  String idOf(String email) {
    User user = byEmail.get(email);
    return user == null ? email : user.id;
  }

  /**
   * The JWT guard: a valid access or id token of a known user ({@code Bearer} as the vendor's guard
   * reads it, case-sensitively).
   */
  User authenticate(HttpRequest request) {
    String header = request.header("Authorization");
    if (header == null || !header.startsWith("Bearer ") || header.length() > Validation.MAX_CREDENTIAL) {
      throw envelope.error(401, "Missing or invalid authorization header", request);
    }
    ObjectNode claims = engine.tokens().verify(header.substring(7), engine.now());
    String use = claims == null ? null : Json.text(claims, "token_use");
    User user = claims == null ? null : byId.get(Objects.requireNonNullElse(Json.text(claims, "sub"), ""));
    if (user == null || !("access".equals(use) || "id".equals(use))) {
      throw envelope.error(401, "Invalid or expired token", request);
    }
    return user;
  }

  // ------------------------------------------------------------------ routes

  HttpResponse login(HttpRequest request, RouteTable.Params params) {
    Envelope.Body body = envelope.body(request, Set.of("email", "password"));
    String email = body.text("email");
    if (email != null) {
      email = normalize(email);
    }
    if (!Validation.isEmail(email)) {
      body.problem("email must be an email");
    }
    String password = body.minLength("password", MIN_PASSWORD);
    body.validate();
    User user = byEmail.get(email);
    if (user == null || !user.passwordIs(password)) {
      return invalidCredentials(request);
    }
    if (user.mustChangePassword()) {
      ObjectNode claims = Json.object().put("sub", user.id).put("token_use", "new_password_session");
      ObjectNode challenge = Json.object().put("requiresPasswordChange", true)
          .put("session", engine.tokens().issue(claims, engine.now(), SESSION_LIFETIME_SECONDS))
          .put("username", user.email);
      return Json.response(200, challenge);
    }
    return Json.response(200, tokens(user, refreshToken(user)));
  }

  HttpResponse refresh(HttpRequest request, RouteTable.Params params) {
    Envelope.Body body = envelope.body(request, Set.of("refreshToken"));
    String token = body.string("refreshToken", 0, true);
    body.validate();
    User user = userOf(token, "refresh");
    if (user == null) {
      return invalidCredentials(request);
    }
    return Json.response(200, tokens(user, token));
  }

  /** {@code POST /api/auth/complete-password-change}: answers the first-login challenge with tokens. */
  HttpResponse completePasswordChange(HttpRequest request, RouteTable.Params params) {
    Envelope.Body body = envelope.body(request, Set.of("username", "session", "newPassword"));
    String username = body.string("username", 0, true);
    String session = body.string("session", 0, true);
    String newPassword = body.minLength("newPassword", MIN_PASSWORD);
    body.validate();
    User user = userOf(session, "new_password_session");
    if (user == null || !user.email.equals(normalize(username)) || !user.mustChangePassword()) {
      return envelope.response(400, Envelope.text("Invalid session for the user, session is expired."), request,
          "NotAuthorizedException");
    }
    if (!acceptablePassword(newPassword)) {
      return passwordPolicy(request);
    }
    user.setPassword(newPassword);
    return Json.response(200, tokens(user, refreshToken(user)));
  }

  /** {@code POST /api/auth/change-password}: a signed-in user changes their own password. */
  HttpResponse changePassword(HttpRequest request, RouteTable.Params params) {
    User user = authenticate(request);
    Envelope.Body body = envelope.body(request, Set.of("previousPassword", "proposedPassword"));
    String previous = body.string("previousPassword", 0, true);
    String proposed = body.minLength("proposedPassword", MIN_PASSWORD);
    body.validate();
    if (!user.passwordIs(previous)) {
      return envelope.response(401, Envelope.text("Incorrect username or password."), request,
          "NotAuthorizedException");
    }
    if (!acceptablePassword(proposed)) {
      return passwordPolicy(request);
    }
    user.setPassword(proposed);
    return Json.response(200, Json.object().put("message", "Password changed successfully."));
  }

  private static boolean acceptablePassword(String password) {
    return password.length() <= MAX_PASSWORD && password.chars().noneMatch(Character::isWhitespace);
  }

  private HttpResponse passwordPolicy(HttpRequest request) {
    return envelope.response(400, Envelope.text("Password does not conform to policy."), request,
        "InvalidPasswordException");
  }

  private HttpResponse invalidCredentials(HttpRequest request) {
    return envelope.response(401, Envelope.text("Invalid credentials"), request, "NotAuthorizedException");
  }

  private User userOf(String token, String use) {
    if (token == null || token.length() > Validation.MAX_CREDENTIAL) {
      return null;
    }
    ObjectNode claims = engine.tokens().verify(token, engine.now());
    User user = claims == null ? null : byId.get(Objects.requireNonNullElse(Json.text(claims, "sub"), ""));
    return user != null && use.equals(Json.text(claims, "token_use")) ? user : null;
  }

  private String refreshToken(User user) {
    ObjectNode claims = Json.object().put("sub", user.id).put("token_use", "refresh");
    return engine.tokens().issue(claims, engine.now(), REFRESH_LIFETIME_SECONDS);
  }

  private ObjectNode tokens(User user, String refreshToken) {
    Instant now = engine.now();
    long lifetime = engine.config().tokenLifetime().toSeconds();
    ObjectNode access = Json.object().put("sub", user.id);
    groups(access, user);
    access.put("token_use", "access").put("client_id", "jobsdk-mock").put("username", user.email);
    ObjectNode id = Json.object().put("sub", user.id).put("email", user.email);
    groups(id, user);
    id.put("token_use", "id").put("cognito:username", user.email);
    ObjectNode response = Json.object();
    response.put("accessToken", engine.tokens().issue(access, now, lifetime))
        .put("idToken", engine.tokens().issue(id, now, lifetime))
        .put("refreshToken", refreshToken)
        .put("expiresIn", lifetime)
        .put("requiresPasswordChange", false);
    return response;
  }

  private static void groups(ObjectNode claims, User user) {
    if (user.admin) {
      claims.putArray("cognito:groups").add("admin");
    }
  }
}
