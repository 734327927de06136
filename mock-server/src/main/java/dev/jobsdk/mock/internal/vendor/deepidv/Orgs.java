package dev.jobsdk.mock.internal.vendor.deepidv;

import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.internal.ApiError;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.vendor.Validation;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** DeepIDV's organisations, their API keys and balances, and the {@code x-api-key} check. */
final class Orgs {

  /** One organisation. */
  static final class Org {
    final String apiKey;
    volatile boolean balance = true;

    Org(String apiKey) {
      this.apiKey = apiKey;
    }
  }

  private final Map<String, Org> byKey = new ConcurrentHashMap<>();

  void reset() {
    byKey.clear();
    byKey.put(MockCredentials.DEEPIDV_ORG_A_KEY, new Org(MockCredentials.DEEPIDV_ORG_A_KEY));
    byKey.put(MockCredentials.DEEPIDV_ORG_B_KEY, new Org(MockCredentials.DEEPIDV_ORG_B_KEY));
  }

  void add(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank() || byKey.putIfAbsent(apiKey, new Org(apiKey)) != null) {
      throw new IllegalArgumentException("organisation key is blank or exists already: " + apiKey);
    }
  }

  Org org(String apiKey) {
    Org org = byKey.get(Objects.requireNonNull(apiKey, "apiKey"));
    if (org == null) {
      throw new IllegalArgumentException("no DeepIDV organisation with API key " + apiKey);
    }
    return org;
  }

  /** 403 without a key (as the vendor's status table says), 401 for an unknown one. */
  Org authenticate(HttpRequest request) {
    String sent = request.header("x-api-key");
    if (sent == null || sent.isBlank()) {
      throw new ApiError(DeepIdvApi.message(403, "Missing API key."));
    }
    String key = Validation.credential(request, "x-api-key");
    Org org = key == null ? null : byKey.get(key);
    if (org == null) {
      throw new ApiError(DeepIdvApi.message(401, "Invalid API key."));
    }
    return org;
  }
}
