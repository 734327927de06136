package dev.jobsdk.deepidv;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The person to screen for adverse media: the body of {@code POST /v1/screening/adverse-media}.
 *
 * <p>Every value is validated when it is set, and the required ones again by {@link
 * Builder#build()}, so that a bad request fails with an {@link IllegalArgumentException} naming
 * the field before anything is sent:
 *
 * <ul>
 *   <li>{@code email}: required; one {@code @}, no whitespace, a domain with at least one dot, at
 *       most 254 characters.
 *   <li>{@code firstName}, {@code lastName}: required; 1 to 255 characters, not blank.
 *   <li>{@code dateOfBirth}: required; a real calendar date, given as a {@link LocalDate} or as
 *       {@code YYYY-MM-DD}.
 *   <li>{@code country}: optional; an ISO 3166-1 alpha-2 code, upper-cased here ({@code "ca"}
 *       becomes {@code "CA"}).
 * </ul>
 *
 * <pre>{@code
 * AdverseMediaRequest request = AdverseMediaRequest.builder()
 *     .email("jane.doe@example.com")
 *     .firstName("Jane")
 *     .lastName("Doe")
 *     .dateOfBirth("1985-04-12")
 *     .country("ca")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Its {@link #toString()} masks the personal data it holds, and no
 * validation message repeats a name, an email address or a date of birth.
 */
public final class AdverseMediaRequest {
  /** The longest first or last name the API accepts, in characters. */
  public static final int MAX_NAME_LENGTH = 255;

  private static final int MAX_EMAIL_LENGTH = 254;
  private static final int MAX_EMAIL_LOCAL_LENGTH = 64;
  private static final Pattern EMAIL_LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern EMAIL_DOMAIN =
      Pattern.compile(
          "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
              + "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
  private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final String email;
  private final String firstName;
  private final String lastName;
  private final LocalDate dateOfBirth;
  private final String country;

  private AdverseMediaRequest(Builder b) {
    this.email = required(b.email, "email");
    this.firstName = required(b.firstName, "firstName");
    this.lastName = required(b.lastName, "lastName");
    this.dateOfBirth = required(b.dateOfBirth, "dateOfBirth");
    this.country = b.country;
  }

  /**
   * Returns a new, empty builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this request's values, to derive a changed request.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.email = email;
    b.firstName = firstName;
    b.lastName = lastName;
    b.dateOfBirth = dateOfBirth;
    b.country = country;
    return b;
  }

  /**
   * Returns the email address.
   *
   * @return the email
   */
  public String email() {
    return email;
  }

  /**
   * Returns the first name.
   *
   * @return the first name
   */
  public String firstName() {
    return firstName;
  }

  /**
   * Returns the last name.
   *
   * @return the last name
   */
  public String lastName() {
    return lastName;
  }

  /**
   * Returns the date of birth.
   *
   * @return the date of birth
   */
  public LocalDate dateOfBirth() {
    return dateOfBirth;
  }

  /**
   * Returns the country.
   *
   * @return the upper-case ISO 3166-1 alpha-2 code, or empty if none was set
   */
  public Optional<String> country() {
    return Optional.ofNullable(country);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AdverseMediaRequest r
        && email.equals(r.email)
        && firstName.equals(r.firstName)
        && lastName.equals(r.lastName)
        && dateOfBirth.equals(r.dateOfBirth)
        && Objects.equals(country, r.country);
  }

  @Override
  public int hashCode() {
    return Objects.hash(email, firstName, lastName, dateOfBirth, country);
  }

  /**
   * Describes the request with its personal data masked, so that it can be logged: {@code
   * AdverseMediaRequest{email=j***@example.com, firstName=J***, lastName=D***, dateOfBirth=****-**-**,
   * country=CA}}.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    int at = email.lastIndexOf('@');
    return "AdverseMediaRequest{email="
        + mask(email.substring(0, at))
        + email.substring(at)
        + ", firstName="
        + mask(firstName)
        + ", lastName="
        + mask(lastName)
        + ", dateOfBirth=****-**-**"
        + (country == null ? "" : ", country=" + country)
        + '}';
  }

  private static String mask(String s) {
    return s.isEmpty() ? s : s.substring(0, s.offsetByCodePoints(0, 1)) + "***";
  }

  private static <T> T required(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  /** Builds an {@link AdverseMediaRequest}; every setter validates its value at once. */
  public static final class Builder {
    private String email;
    private String firstName;
    private String lastName;
    private LocalDate dateOfBirth;
    private String country;

    private Builder() {}

    /**
     * Sets the email address of the person. Required.
     *
     * @param email a valid email address
     * @return this builder
     * @throws IllegalArgumentException if it is null or not a valid email address
     */
    public Builder email(String email) {
      this.email = validateEmail(email);
      return this;
    }

    /**
     * Sets the first name. Required.
     *
     * @param firstName 1 to 255 characters, not blank
     * @return this builder
     * @throws IllegalArgumentException if it is null, blank or longer than 255 characters
     */
    public Builder firstName(String firstName) {
      this.firstName = validateName(firstName, "firstName");
      return this;
    }

    /**
     * Sets the last name. Required.
     *
     * @param lastName 1 to 255 characters, not blank
     * @return this builder
     * @throws IllegalArgumentException if it is null, blank or longer than 255 characters
     */
    public Builder lastName(String lastName) {
      this.lastName = validateName(lastName, "lastName");
      return this;
    }

    /**
     * Sets the date of birth. Required.
     *
     * @param dateOfBirth the date, with a four-digit year
     * @return this builder
     * @throws IllegalArgumentException if it is null or its year is outside 0001..9999
     */
    public Builder dateOfBirth(LocalDate dateOfBirth) {
      if (dateOfBirth == null) {
        throw new IllegalArgumentException("dateOfBirth must not be null");
      }
      if (dateOfBirth.getYear() < 1 || dateOfBirth.getYear() > 9999) {
        throw new IllegalArgumentException(
            "dateOfBirth must have a year between 0001 and 9999");
      }
      this.dateOfBirth = dateOfBirth;
      return this;
    }

    /**
     * Sets the date of birth from its {@code YYYY-MM-DD} form. Required.
     *
     * @param dateOfBirth a real calendar date such as {@code 1985-04-12}
     * @return this builder
     * @throws IllegalArgumentException if it is null, not in {@code YYYY-MM-DD} form or not a real
     *     date (such as {@code 1985-02-30})
     */
    public Builder dateOfBirth(String dateOfBirth) {
      if (dateOfBirth == null) {
        throw new IllegalArgumentException("dateOfBirth must not be null");
      }
      if (!DATE_SHAPE.matcher(dateOfBirth).matches()) {
        throw new IllegalArgumentException(
            "dateOfBirth must be in YYYY-MM-DD form, such as 1985-04-12");
      }
      try {
        return dateOfBirth(LocalDate.parse(dateOfBirth, DATE));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "dateOfBirth must be a real calendar date (YYYY-MM-DD)", e);
      }
    }

    /**
     * Sets the country, or clears it with null. Optional.
     *
     * @param country an ISO 3166-1 alpha-2 code in either case, such as {@code "CA"} or {@code
     *     "ca"}; null for none
     * @return this builder
     * @throws IllegalArgumentException if it is not an ISO 3166-1 alpha-2 code
     */
    public Builder country(String country) {
      if (country == null) {
        this.country = null;
        return this;
      }
      String code = country.toUpperCase(Locale.ROOT);
      if (code.length() != 2 || !COUNTRIES.contains(code)) {
        throw new IllegalArgumentException(
            "country must be an ISO 3166-1 alpha-2 code such as CA, was '" + country + "'");
      }
      this.country = code;
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the immutable request
     * @throws IllegalArgumentException if email, firstName, lastName or dateOfBirth was not set
     */
    public AdverseMediaRequest build() {
      return new AdverseMediaRequest(this);
    }

    private static String validateName(String name, String field) {
      if (name == null) {
        throw new IllegalArgumentException(field + " must not be null");
      }
      if (name.isBlank()) {
        throw new IllegalArgumentException(field + " must not be blank");
      }
      if (name.length() > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException(
            field
                + " must be at most "
                + MAX_NAME_LENGTH
                + " characters, was "
                + name.length());
      }
      return name;
    }

    private static String validateEmail(String email) {
      if (email == null) {
        throw new IllegalArgumentException("email must not be null");
      }
      int at = email.lastIndexOf('@');
      boolean valid =
          email.length() <= MAX_EMAIL_LENGTH
              && at > 0
              && at <= MAX_EMAIL_LOCAL_LENGTH
              && email.indexOf('@') == at
              && EMAIL_LOCAL.matcher(email.substring(0, at)).matches()
              && EMAIL_DOMAIN.matcher(email.substring(at + 1)).matches();
      if (!valid) {
        throw new IllegalArgumentException(
            "email must be a valid email address such as jane.doe@example.com");
      }
      return email;
    }
  }
}
