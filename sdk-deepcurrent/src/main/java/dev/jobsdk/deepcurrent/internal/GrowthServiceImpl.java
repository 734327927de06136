package dev.jobsdk.deepcurrent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.core.internal.ApiRequest;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.ClientRuntime;
import dev.jobsdk.core.internal.DefaultJobHandle;
import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.core.internal.JsonValues;
import dev.jobsdk.core.internal.Transport;
import dev.jobsdk.deepcurrent.GrowthQuote;
import dev.jobsdk.deepcurrent.GrowthResolution;
import dev.jobsdk.deepcurrent.GrowthResolveRequest;
import dev.jobsdk.deepcurrent.GrowthRun;
import dev.jobsdk.deepcurrent.GrowthRunHandle;
import dev.jobsdk.deepcurrent.GrowthService;
import dev.jobsdk.deepcurrent.QuoteOptions;
import dev.jobsdk.deepcurrent.QuoteTokenRejectedException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link GrowthService} over the client's transport and poller. */
public final class GrowthServiceImpl implements GrowthService {
  static final String RESOLVE = "/api/v1/growth/resolve";
  static final String QUOTE = "/api/v1/growth/quote";
  static final String RUN = "/api/v1/growth/run";
  static final String RUNS = "/api/v1/growth/runs";

  private final ClientRuntime rt;

  /**
   * Creates the service.
   *
   * @param rt the client's runtime
   */
  public GrowthServiceImpl(ClientRuntime rt) {
    this.rt = rt;
  }

  @Override
  public GrowthResolution resolve(String goalText) {
    return resolve(GrowthResolveRequest.builder(goalText).build());
  }

  @Override
  public GrowthResolution resolve(GrowthResolveRequest request) {
    Checks.notNull(request, "request");
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("goal_text", request.goalText());
    request.constraints().ifPresent(n -> body.set("constraints", JsonValues.toNode(n)));
    request.inputAssets().ifPresent(n -> body.set("input_assets", JsonValues.toNode(n)));
    request.inputText().ifPresent(t -> body.put("input_text", t));
    request.icpConfig().ifPresent(n -> body.set("icp_config", JsonValues.toNode(n)));
    ApiRequest req = ApiRequest.post(RESOLVE).json(body);
    return Decoder.growthResolution(rt.transport().json(req, JsonNode.class), req.toString());
  }

  @Override
  public GrowthQuote quote(JsonValue goalPlan) {
    return quote(goalPlan, QuoteOptions.none());
  }

  @Override
  public GrowthQuote quote(Map<String, ?> goalPlan) {
    return quote(goalPlan, QuoteOptions.none());
  }

  @Override
  public GrowthQuote quote(Map<String, ?> goalPlan, QuoteOptions options) {
    return sendQuote(JsonObjects.object(goalPlan, "goalPlan"), options);
  }

  @Override
  public GrowthQuote quote(JsonValue goalPlan, QuoteOptions options) {
    return sendQuote(JsonObjects.object(goalPlan, "goalPlan"), options);
  }

  private GrowthQuote sendQuote(ObjectNode goalPlan, QuoteOptions options) {
    Checks.notNull(options, "options");
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("goal_plan", goalPlan);
    options.maxExternalSpendCredits().ifPresent(c -> body.put("max_external_spend_credits", c));
    options.chatId().ifPresent(c -> body.put("chat_id", c));
    ApiRequest req = ApiRequest.post(QUOTE).json(body);
    return Decoder.growthQuote(rt.transport().json(req, JsonNode.class), req.toString());
  }

  @Override
  public GrowthRunHandle run(GrowthQuote quote) {
    return startRun(quote, null);
  }

  @Override
  public GrowthRunHandle run(GrowthQuote quote, String chatId) {
    return startRun(quote, Checks.notBlank(chatId, "chatId"));
  }

  private GrowthRunHandle startRun(GrowthQuote quote, String chatId) {
    Checks.notNull(quote, "quote");
    if (!quote.quotable()) {
      throw new IllegalArgumentException(
          "quote is not quotable"
              + quote.errorCode().map(c -> " (" + c + ")").orElse("")
              + quote.detail().map(d -> ": " + d).orElse("")
              + "; nothing was sent");
    }
    String token =
        quote
            .quoteToken()
            .orElseThrow(() -> new IllegalArgumentException("quote has no quoteToken"));
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("quote_token", token);
    body.set("goal_plan", JsonValues.toNode(quote.goalPlan()));
    if (chatId != null) {
      body.put("chat_id", chatId);
    }
    // Sent once: the token is single-use, so a blind retry could only be refused.
    ApiRequest req = ApiRequest.post(RUN).json(body);
    Transport.Answer answer;
    try {
      answer = rt.transport().answer(req);
    } catch (PermissionDeniedException e) {
      if (rejectsQuoteToken(e)) {
        QuoteTokenRejectedException typed = new QuoteTokenRejectedException(e.details());
        typed.initCause(e);
        throw typed;
      }
      throw e;
    }
    GrowthRun started = Decoder.growthRun(answer.json(), answer.body(), req.toString());
    return new Handle(started.id(), started);
  }

  /**
   * Tells a refused quote token from other 403s of {@code /growth/run} (such as an inactive
   * subscription): the API documents no code for it, so the error code or message must mention
   * the quote.
   */
  static boolean rejectsQuoteToken(PermissionDeniedException e) {
    String code = e.errorCode().orElse("").toLowerCase(Locale.ROOT);
    String message = e.errorMessage().orElse("").toLowerCase(Locale.ROOT);
    return code.contains("quote") || message.contains("quote");
  }

  @Override
  public GrowthRun retrieve(String runId) {
    return fetch(Ids.require(runId, "runId"), false);
  }

  private GrowthRun fetch(String runId, boolean poll) {
    ApiRequest req = ApiRequest.get(RUNS).segment("runId", runId);
    if (poll) {
      req.noRetry();
    }
    Transport.Answer answer = rt.transport().answer(req);
    return Decoder.growthRun(answer.json(), answer.body(), req.toString());
  }

  @Override
  public GrowthRunHandle handle(String runId) {
    return new Handle(Ids.require(runId, "runId"), null);
  }

  @Override
  public String toString() {
    return "GrowthService";
  }

  /** The handle {@link #run} returns. */
  private final class Handle extends DefaultJobHandle<GrowthRun, GrowthRun> implements GrowthRunHandle {
    private final GrowthRun started;

    Handle(String id, GrowthRun started) {
      super(
          id,
          () -> fetch(id, false),
          (policy, listener) -> rt.await(id, () -> fetch(id, true), policy, listener),
          (policy, listener) -> rt.awaitAsync(id, () -> fetch(id, true), policy, listener));
      this.started = started;
    }

    @Override
    public Optional<GrowthRun> started() {
      return Optional.ofNullable(started);
    }

    @Override
    public String toString() {
      return "GrowthRunHandle[" + id() + "]";
    }
  }
}
