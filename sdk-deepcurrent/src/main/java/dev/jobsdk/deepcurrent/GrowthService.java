package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import java.util.Map;

/**
 * Growth runs: resolve a goal into a plan, quote the plan, run the quote, and wait for the run.
 * Obtained from {@link DeepCurrentClient#growth()}; thread-safe.
 *
 * <pre>{@code
 * GrowthResolution plan = client.growth().resolve("Find verified emails for 100 DeFi founders");
 * GrowthQuote quote = client.growth().quote(plan.goalPlan());
 * GrowthRun done = client.growth().run(quote).awaitCompletion();
 * }</pre>
 *
 * <p>Resolving and quoting spend no credits; running deducts the quote's credits when it starts
 * and needs a paid subscription. Waits go through a {@link GrowthRunHandle} (from {@link
 * #run(GrowthQuote)} or {@link #handle(String)}) and poll {@code GET /api/v1/growth/runs/{run_id}};
 * each change of a stage's status is reported to the listener as progress.
 */
public interface GrowthService {

  /**
   * Turns a goal in plain words into a goal plan ({@code POST /api/v1/growth/resolve}).
   *
   * @param goalText the goal, 3 to 2,000 characters
   * @return the resolution with its goal plan
   */
  GrowthResolution resolve(String goalText);

  /**
   * Turns a goal, with constraints and input, into a goal plan.
   *
   * @param request the goal
   * @return the resolution with its goal plan
   */
  GrowthResolution resolve(GrowthResolveRequest request);

  /**
   * Prices a goal plan ({@code POST /api/v1/growth/quote}).
   *
   * @param goalPlan the plan, such as {@link GrowthResolution#goalPlan()}
   * @return the quote; check {@link GrowthQuote#quotable()}
   */
  GrowthQuote quote(JsonValue goalPlan);

  /**
   * Prices a goal plan with a spending cap or a chat.
   *
   * @param goalPlan the plan as a JSON object
   * @param options the optional parts
   * @return the quote; check {@link GrowthQuote#quotable()}
   */
  GrowthQuote quote(JsonValue goalPlan, QuoteOptions options);

  /**
   * Prices a goal plan given as a map.
   *
   * @param goalPlan the plan; a map Jackson can write as a JSON object
   * @return the quote
   */
  GrowthQuote quote(Map<String, ?> goalPlan);

  /**
   * Prices a goal plan given as a map, with a spending cap or a chat.
   *
   * @param goalPlan the plan; a map Jackson can write as a JSON object
   * @param options the optional parts
   * @return the quote
   */
  GrowthQuote quote(Map<String, ?> goalPlan, QuoteOptions options);

  /**
   * Starts a run of a quote ({@code POST /api/v1/growth/run}), sending its token and normalised
   * goal plan. Sent once, never retried: a token is consumed by its first successful use.
   *
   * @param quote a quotable quote
   * @return a handle on the run
   * @throws IllegalArgumentException if quote is null, not quotable or has no token (nothing is
   *     sent)
   * @throws QuoteTokenRejectedException if the server refuses the token (used, expired, another
   *     account's)
   * @throws dev.jobsdk.core.PermissionDeniedException for other 403s, such as no paid subscription
   * @throws dev.jobsdk.core.PaymentRequiredException if the account lacks credits (402)
   */
  GrowthRunHandle run(GrowthQuote quote);

  /**
   * Starts a run of a quote attached to one of your chats.
   *
   * @param quote a quotable quote
   * @param chatId the chat id (a UUID)
   * @return a handle on the run
   */
  GrowthRunHandle run(GrowthQuote quote, String chatId);

  /**
   * Fetches a run's current status once.
   *
   * @param runId the run id
   * @return the run
   */
  GrowthRun retrieve(String runId);

  /**
   * Returns a handle on an existing run, to look at it or wait for it, for example one whose id was
   * stored before a restart. Nothing is sent until the handle is used.
   *
   * @param runId the run id
   * @return the handle; its {@link GrowthRunHandle#started()} is empty
   * @throws IllegalArgumentException if runId is invalid
   */
  GrowthRunHandle handle(String runId);
}
