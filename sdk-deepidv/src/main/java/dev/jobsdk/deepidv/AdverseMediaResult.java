package dev.jobsdk.deepidv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import dev.jobsdk.core.internal.Timestamps;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of an adverse-media screening: the {@code result} of a {@link AsyncJob.Ready ready}
 * job created by {@link ScreeningService#adverseMedia(AdverseMediaRequest)}.
 *
 * <p>Strings the server documents as always present are never null (empty if it sent none);
 * values it documents as nullable are {@link Optional}. Enumerated values the SDK does not know
 * map to an {@code UNKNOWN} constant, and the string the server sent stays available.
 *
 * @param totalHits how many adverse-media hits were found in all
 * @param riskLevel the overall risk level; {@link RiskLevel#UNKNOWN} for a level this SDK does not
 *     know
 * @param rawRiskLevel the risk level exactly as sent
 * @param riskScore the overall risk score, 0 to 100
 * @param summary a human-readable summary of the findings
 * @param findings the individual findings
 * @param exposuresByCategory hits and articles per category
 */
public record AdverseMediaResult(
    int totalHits,
    RiskLevel riskLevel,
    String rawRiskLevel,
    int riskScore,
    String summary,
    List<Finding> findings,
    ExposuresByCategory exposuresByCategory) {

  /**
   * Normalises the components: null lists become empty, a missing risk level is derived from the
   * other of {@code riskLevel} and {@code rawRiskLevel}.
   *
   * @param totalHits the total hit count
   * @param riskLevel the risk level, or null to derive it from {@code rawRiskLevel}
   * @param rawRiskLevel the risk level as sent, or null to use {@code riskLevel}'s name
   * @param riskScore the risk score
   * @param summary the summary
   * @param findings the findings
   * @param exposuresByCategory the exposures per category
   */
  public AdverseMediaResult {
    if (rawRiskLevel == null) {
      rawRiskLevel = riskLevel == null ? "" : riskLevel.name();
    }
    if (riskLevel == null) {
      riskLevel = RiskLevel.of(rawRiskLevel);
    }
    summary = summary == null ? "" : summary;
    findings = findings == null ? List.of() : List.copyOf(findings);
    exposuresByCategory =
        exposuresByCategory == null ? ExposuresByCategory.of(Map.of()) : exposuresByCategory;
  }

  /** The overall risk level of a screening. */
  public enum RiskLevel {
    /** {@code LOW}. */
    LOW,
    /** {@code MEDIUM}. */
    MEDIUM,
    /** {@code HIGH}. */
    HIGH,
    /** {@code CRITICAL}. */
    CRITICAL,
    /** A level this SDK does not know; see {@link AdverseMediaResult#rawRiskLevel()}. */
    UNKNOWN;

    /**
     * Reads a level case-insensitively.
     *
     * @param value the level as sent, may be null
     * @return the level, or {@link #UNKNOWN}
     */
    public static RiskLevel of(String value) {
      return parse(RiskLevel.class, value, UNKNOWN);
    }
  }

  /** How severe a single finding is. */
  public enum Severity {
    /** {@code MEDIUM}. */
    MEDIUM,
    /** {@code HIGH}. */
    HIGH,
    /** {@code CRITICAL}. */
    CRITICAL,
    /** A severity this SDK does not know; see {@link Finding#rawSeverity()}. */
    UNKNOWN;

    /**
     * Reads a severity case-insensitively.
     *
     * @param value the severity as sent, may be null
     * @return the severity, or {@link #UNKNOWN}
     */
    public static Severity of(String value) {
      return parse(Severity.class, value, UNKNOWN);
    }
  }

  /** Where an article comes from. */
  public enum ArticleSource {
    /** {@code news}. */
    NEWS("news"),
    /** {@code court-records}. */
    COURT_RECORDS("court-records"),
    /** {@code watchlist-database}. */
    WATCHLIST_DATABASE("watchlist-database"),
    /** A source this SDK does not know; see {@link Article#rawSource()}. */
    UNKNOWN("");

    private final String value;

    ArticleSource(String value) {
      this.value = value;
    }

    /**
     * Returns the wire value, such as {@code court-records}.
     *
     * @return the value; empty for {@link #UNKNOWN}
     */
    public String value() {
      return value;
    }

    /**
     * Reads a source case-insensitively; {@code _} and {@code -} are interchangeable.
     *
     * @param value the source as sent, may be null
     * @return the source, or {@link #UNKNOWN}
     */
    public static ArticleSource of(String value) {
      return parse(ArticleSource.class, value == null ? null : value.replace('-', '_'), UNKNOWN);
    }
  }

  /**
   * One adverse-media finding.
   *
   * @param findingId the finding's id
   * @param severity how severe it is; {@link Severity#UNKNOWN} for a value this SDK does not know
   * @param rawSeverity the severity exactly as sent
   * @param category the category, such as {@code financial_crime}
   * @param title a short title
   * @param detail a longer description
   * @param sourceUrl the source's URL, if known
   * @param sourceName the source's name, if known
   * @param articleDate the article's date as sent (for example {@code 2021-06-01}), if known
   * @param confidence how confident the match is, 0 to 1
   * @param confirmedBy the kinds of source that confirm it, such as {@code news} and {@code
   *     court-records}
   */
  public record Finding(
      String findingId,
      Severity severity,
      String rawSeverity,
      String category,
      String title,
      String detail,
      Optional<String> sourceUrl,
      Optional<String> sourceName,
      Optional<String> articleDate,
      double confidence,
      List<String> confirmedBy) {

    /**
     * Normalises the components: null strings become empty, null optionals empty, null lists
     * empty; a missing severity is derived from the other of {@code severity} and {@code
     * rawSeverity}.
     *
     * @param findingId the id
     * @param severity the severity, or null to derive it from {@code rawSeverity}
     * @param rawSeverity the severity as sent, or null to use {@code severity}'s name
     * @param category the category
     * @param title the title
     * @param detail the detail
     * @param sourceUrl the source URL
     * @param sourceName the source name
     * @param articleDate the article date
     * @param confidence the confidence
     * @param confirmedBy the confirming source kinds
     */
    public Finding {
      findingId = findingId == null ? "" : findingId;
      if (rawSeverity == null) {
        rawSeverity = severity == null ? "" : severity.name();
      }
      if (severity == null) {
        severity = Severity.of(rawSeverity);
      }
      category = category == null ? "" : category;
      title = title == null ? "" : title;
      detail = detail == null ? "" : detail;
      sourceUrl = sourceUrl == null ? Optional.empty() : sourceUrl;
      sourceName = sourceName == null ? Optional.empty() : sourceName;
      articleDate = articleDate == null ? Optional.empty() : articleDate;
      confirmedBy = confirmedBy == null ? List.of() : List.copyOf(confirmedBy);
    }

    /**
     * Returns the article date as a date, when it is in {@code YYYY-MM-DD} form (the format is not
     * documented beyond the vendor's example).
     *
     * @return the date, or empty if absent or in another format
     */
    public Optional<LocalDate> articleLocalDate() {
      return articleDate.flatMap(
          d -> {
            try {
              return Optional.of(LocalDate.parse(d.length() >= 10 ? d.substring(0, 10) : d));
            } catch (DateTimeParseException e) {
              return Optional.empty();
            }
          });
    }
  }

  /**
   * The exposure found in one category.
   *
   * @param hits how many hits the category has
   * @param articles the articles behind them
   */
  public record CategoryExposure(int hits, List<Article> articles) {
    /** No hits and no articles. */
    public static final CategoryExposure NONE = new CategoryExposure(0, List.of());

    /**
     * Normalises the components: a null list becomes empty.
     *
     * @param hits the hit count
     * @param articles the articles
     */
    public CategoryExposure {
      articles = articles == null ? List.of() : List.copyOf(articles);
    }

  }

  /**
   * One article behind a category's exposure.
   *
   * @param timestamp when it was published, as sent (the format is not documented), if known
   * @param headline its headline
   * @param sourceLink a link to it, if known
   * @param source what kind of source it is; {@link ArticleSource#UNKNOWN} for a kind this SDK
   *     does not know
   * @param rawSource the source kind exactly as sent
   */
  public record Article(
      Optional<String> timestamp,
      String headline,
      Optional<String> sourceLink,
      ArticleSource source,
      String rawSource) {

    /**
     * Normalises the components: null optionals become empty, a null headline empty, a missing
     * source is derived from the other of {@code source} and {@code rawSource}.
     *
     * @param timestamp the timestamp as sent
     * @param headline the headline
     * @param sourceLink the link
     * @param source the source kind, or null to derive it from {@code rawSource}
     * @param rawSource the source kind as sent, or null to use {@code source}'s value
     */
    public Article {
      timestamp = timestamp == null ? Optional.empty() : timestamp;
      headline = headline == null ? "" : headline;
      sourceLink = sourceLink == null ? Optional.empty() : sourceLink;
      if (rawSource == null) {
        rawSource = source == null ? "" : source.value();
      }
      if (source == null) {
        source = ArticleSource.of(rawSource);
      }
    }

    /**
     * Returns the timestamp as an instant, when it is an ISO 8601 date-time (a time without an
     * offset is taken as UTC) or a {@code YYYY-MM-DD} date (taken as its start in UTC).
     *
     * @return the instant, or empty if absent or in another format
     */
    public Optional<Instant> parsedTimestamp() {
      return timestamp.flatMap(Article::parseInstant);
    }

    private static Optional<Instant> parseInstant(String s) {
      try {
        return Optional.of(Timestamps.iso(s));
      } catch (DateTimeParseException notDateTime) {
        try {
          return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notDate) {
          return Optional.empty();
        }
      }
    }
  }

  /**
   * Hits and articles per category. The server sends all nine documented categories (zero-filled);
   * each has a typed accessor that returns {@link CategoryExposure#NONE} when the category is
   * absent. Categories this SDK does not know are kept in {@link #all()} and {@link
   * #unknownCategories()}.
   *
   * @param all every category the server sent, in its order, by wire name
   */
  public record ExposuresByCategory(Map<String, CategoryExposure> all) {
    /** {@code financial_crime}. */
    public static final String FINANCIAL_CRIME = "financial_crime";
    /** {@code terrorism}. */
    public static final String TERRORISM = "terrorism";
    /** {@code regulatory}. */
    public static final String REGULATORY = "regulatory";
    /** {@code political}. */
    public static final String POLITICAL = "political";
    /** {@code organized_crime}. */
    public static final String ORGANIZED_CRIME = "organized_crime";
    /** {@code violent_crime}. */
    public static final String VIOLENT_CRIME = "violent_crime";
    /** {@code criminal_legal}. */
    public static final String CRIMINAL_LEGAL = "criminal_legal";
    /** {@code reputational}. */
    public static final String REPUTATIONAL = "reputational";
    /** {@code court_records}. */
    public static final String COURT_RECORDS = "court_records";

    /** The nine documented categories, in the vendor's order. */
    public static final List<String> KNOWN_CATEGORIES =
        List.of(
            FINANCIAL_CRIME,
            TERRORISM,
            REGULATORY,
            POLITICAL,
            ORGANIZED_CRIME,
            VIOLENT_CRIME,
            CRIMINAL_LEGAL,
            REPUTATIONAL,
            COURT_RECORDS);

    /**
     * Copies the map (keeping its order) and makes it unmodifiable; null values become {@link
     * CategoryExposure#NONE}.
     *
     * @param all the categories by wire name
     */
    public ExposuresByCategory {
      Map<String, CategoryExposure> copy = new LinkedHashMap<>();
      if (all != null) {
        all.forEach(
            (k, v) ->
                copy.put(
                    Objects.requireNonNull(k, "category"), v == null ? CategoryExposure.NONE : v));
      }
      all = Collections.unmodifiableMap(copy);
    }

    /**
     * Creates the exposures from a map of wire name to exposure.
     *
     * @param all the categories
     * @return the exposures
     */
    public static ExposuresByCategory of(Map<String, CategoryExposure> all) {
      return new ExposuresByCategory(all);
    }

    /**
     * Returns one category by its wire name.
     *
     * @param category the wire name, such as {@code financial_crime} or a category this SDK does
     *     not know
     * @return the exposure, or empty if the server did not send the category
     */
    public Optional<CategoryExposure> get(String category) {
      return Optional.ofNullable(all.get(category));
    }

    /**
     * Returns the categories the server sent that are not among the nine documented ones.
     *
     * @return an unmodifiable map, usually empty
     */
    public Map<String, CategoryExposure> unknownCategories() {
      Map<String, CategoryExposure> unknown = new LinkedHashMap<>(all);
      unknown.keySet().removeAll(KNOWN_CATEGORIES);
      return Collections.unmodifiableMap(unknown);
    }

    /**
     * Returns the sum of hits over all categories.
     *
     * @return the total
     */
    public int totalHits() {
      return all.values().stream().mapToInt(CategoryExposure::hits).sum();
    }

    private CategoryExposure known(String category) {
      return all.getOrDefault(category, CategoryExposure.NONE);
    }

    /**
     * Returns {@code financial_crime}.
     *
     * @return the exposure, {@link CategoryExposure#NONE} if absent
     */
    public CategoryExposure financialCrime() {
      return known(FINANCIAL_CRIME);
    }

    /**
     * Returns {@code terrorism}.
     *
     * @return the exposure, {@link CategoryExposure#NONE} if absent
     */
    public CategoryExposure terrorism() {
      return known(TERRORISM);
    }

    /**
     * Returns {@code regulatory}.
     *
     * @return the exposure, {@link CategoryExposure#NONE} if absent
     */
    public CategoryExposure regulatory() {
      return known(REGULATORY);
    }

    /**
     * Returns {@code political}.
     *
     * @return the exposure, {@link CategoryExposure#NONE} if absent
     */
    public CategoryExposure political() {
      return known(POLITICAL);
    }

    /**
     * Returns {@code organized_crime}.
     *
     * @return the exposure, {@link CategoryExposure#NONE} if absent
     */
    public CategoryExposure organizedCrime() {
      return known(ORGANIZED_CRIME);
    }

    /**
     * Returns {@code violent_crime}.
     *
     * @return the exposure, {@link CategoryExposure#NONE} if absent
     */
    public CategoryExposure violentCrime() {
      return known(VIOLENT_CRIME);
    }

    /**
     * Returns {@code criminal_legal}.
     *
     * @return the exposure, {@link CategoryExposure#NONE} if absent
     */
    public CategoryExposure criminalLegal() {
      return known(CRIMINAL_LEGAL);
    }

    /**
     * Returns {@code reputational}.
     *
     * @return the exposure, {@link CategoryExposure#NONE} if absent
     */
    public CategoryExposure reputational() {
      return known(REPUTATIONAL);
    }

    /**
     * Returns {@code court_records}.
     *
     * @return the exposure, {@link CategoryExposure#NONE} if absent
     */
    public CategoryExposure courtRecords() {
      return known(COURT_RECORDS);
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, E unknown) {
    if (value == null || value.isBlank()) {
      return unknown;
    }
    try {
      E e = Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
      return e == unknown ? unknown : e;
    } catch (IllegalArgumentException notKnown) {
      return unknown;
    }
  }
}
