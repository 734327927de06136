package dev.jobsdk.mock;

/**
 * The fixed demo credentials every mock server accepts, the same in the Java API, the JUnit extension
 * and the standalone jar. They are public on purpose: they only open the mock.
 */
public final class MockCredentials {

  /** DeepCurrent API key of an account with a paid subscription (10,000 credits to start). */
  public static final String DEEPCURRENT_PAID_KEY = "dc_demo_paid";
  /** DeepCurrent API key of a free-tier account: 403 on BD create, growth run and growth status. */
  public static final String DEEPCURRENT_FREE_KEY = "dc_demo_free";
  /**
   * Email for DeepCurrent's JWT login ({@code POST /api/v1/login/access-token}); it belongs to the
   * paid account. Invented by the mock.
   */
  public static final String DEEPCURRENT_LOGIN_EMAIL = "paid@example.com";
  /** Password for {@link #DEEPCURRENT_LOGIN_EMAIL}. Invented by the mock. */
  public static final String DEEPCURRENT_LOGIN_PASSWORD = "paid-password";

  /** DeepIDV API key of organisation A (has balance). */
  public static final String DEEPIDV_ORG_A_KEY = "sk_test_org_a";
  /** DeepIDV API key of organisation B (has balance). */
  public static final String DEEPIDV_ORG_B_KEY = "sk_test_org_b";

  /** Risk tool login of an ordinary user. */
  public static final String RISK_USER_EMAIL = "user@example.com";
  /** Password of {@link #RISK_USER_EMAIL}. */
  public static final String RISK_USER_PASSWORD = "user-password";
  /** Risk tool login of a member of the {@code admin} group. */
  public static final String RISK_ADMIN_EMAIL = "admin@example.com";
  /** Password of {@link #RISK_ADMIN_EMAIL}. */
  public static final String RISK_ADMIN_PASSWORD = "admin-password";

  /**
   * Risk tool login of a user created by an administrator: a login answers the first-login challenge
   * ({@code requiresPasswordChange}) until {@code POST /api/auth/complete-password-change} sets a new
   * password. Each server reset restores the challenge.
   */
  public static final String RISK_NEW_USER_EMAIL = "new@example.com";
  /** Temporary password of {@link #RISK_NEW_USER_EMAIL}. */
  public static final String RISK_NEW_USER_PASSWORD = "temporary-password";

  private MockCredentials() {
  }
}
