package dev.jobsdk.mock.internal.vendor.deepcurrent;

import static dev.jobsdk.mock.internal.vendor.deepcurrent.FastApi.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.RouteTable;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DeepCurrent accounts and their credentials: {@code dc_} API keys (as {@code Authorization: Bearer}
 * or {@code X-API-Key}), JWT access tokens from {@code POST /api/v1/login/access-token}, the paid
 * subscription gate and credits.
 */
final class Accounts {

  static final int PAID_START_CREDITS = 10_000;
  private static final int FREE_START_CREDITS = 100;
  private static final String PAID_REQUIRED = "This feature requires an active paid subscription.";

  private final Engine engine;
  private final Map<String, Account> accountsByKey = new ConcurrentHashMap<>();
  private final Map<String, Account> accountsByUserId = new ConcurrentHashMap<>();
  private final Map<String, Login> logins = new ConcurrentHashMap<>();

  private record Login(String password, Account account) {
  }

  static final class Account {
    final String apiKey;
    final String userId;
    final boolean paid;
    int credits;

    Account(String apiKey, boolean paid, int credits) {
      this.apiKey = apiKey;
      this.userId = UUID.nameUUIDFromBytes(("deepcurrent:" + apiKey).getBytes(StandardCharsets.UTF_8)).toString();
      this.paid = paid;
      this.credits = credits;
    }

    synchronized boolean charge(int amount) {
      if (credits < amount) {
        return false;
      }
      credits -= amount;
      return true;
    }

    synchronized int credits() {
      return credits;
    }

    synchronized void credits(int value) {
      credits = value;
    }
  }

  Accounts(Engine engine) {
    this.engine = engine;
  }

  void reset() {
    accountsByKey.clear();
    accountsByUserId.clear();
    logins.clear();
    Account paid = register(MockCredentials.DEEPCURRENT_PAID_KEY, true, PAID_START_CREDITS);
    register(MockCredentials.DEEPCURRENT_FREE_KEY, false, FREE_START_CREDITS);
    logins.put(MockCredentials.DEEPCURRENT_LOGIN_EMAIL, new Login(MockCredentials.DEEPCURRENT_LOGIN_PASSWORD, paid));
  }

  Account register(String apiKey, boolean paid, int credits) {
    Account account = new Account(apiKey, paid, credits);
    if (accountsByKey.putIfAbsent(apiKey, account) != null) {
      throw new IllegalArgumentException("account " + apiKey + " exists already");
    }
    accountsByUserId.put(account.userId, account);
    return account;
  }

  Account authenticate(HttpRequest request) {
    String authorization = request.header("Authorization");
    String token;
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw unauthorized("Not authenticated");
      }
      token = authorization.substring(7).trim();
    } else {
      String key = request.header("X-API-Key");
      token = key == null ? null : key.trim();
    }
    if (token == null || token.isEmpty()) {
      throw unauthorized("Not authenticated");
    }
    if (token.startsWith("dc_")) {
      Account account = accountsByKey.get(token);
      if (account == null) {
        throw unauthorized("Invalid API key");
      }
      return account;
    }
    ObjectNode signed = engine.tokens().claimsIfSigned(token);
    if (signed == null || !"access".equals(Json.text(signed, "typ"))) {
      throw unauthorized("Could not validate credentials");
    }
    if (engine.tokens().verify(token, engine.now()) == null) {
      throw unauthorized("Token has expired");
    }
    Account account = accountsByUserId.get(Json.text(signed, "sub"));
    if (account == null) {
      throw unauthorized("Could not validate credentials");
    }
    return account;
  }

  static void requirePaid(Account account) {
    if (!account.paid) {
      throw error(403, PAID_REQUIRED);
    }
  }

  HttpResponse login(HttpRequest request, RouteTable.Params params) {
    Map<String, String> form = parseForm(request.bodyText());
    ArrayNode issues = Json.array();
    if (!form.containsKey("username")) {
      issues.add(issue("missing", "Field required", "body", "username"));
    }
    if (!form.containsKey("password")) {
      issues.add(issue("missing", "Field required", "body", "password"));
    }
    failValidation(issues);
    Login login = logins.get(form.get("username"));
    if (login == null || !login.password().equals(form.get("password"))) {
      return detail(400, "Incorrect email or password");
    }
    ObjectNode claims = Json.object().put("sub", login.account().userId).put("typ", "access");
    String token = engine.tokens().issue(claims, engine.now(), engine.config().tokenLifetime().toSeconds());
    return Json.response(200, Json.object().put("access_token", token).put("token_type", "bearer"));
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        form.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed escape: ignore the pair, as if it was not sent
      }
    }
    return form;
  }

  Account account(String apiKey) {
    Account account = accountsByKey.get(Objects.requireNonNull(apiKey, "apiKey"));
    if (account == null) {
      throw new IllegalArgumentException("no DeepCurrent account with API key " + apiKey);
    }
    return account;
  }
}
