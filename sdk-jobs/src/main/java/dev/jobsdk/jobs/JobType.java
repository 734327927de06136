package dev.jobsdk.jobs;

/**
 * The kind of a Risk Intelligence Tool job; it decides the shape of the job's result. A type this
 * SDK does not know is {@link #UNKNOWN}; {@link Job#rawType()} keeps the string the server sent.
 */
public enum JobType {
  /** A prompt preview run on Bedrock; result {@link AiPreviewResult}. */
  AI_PREVIEW(AiPreviewResult.class),
  /** Text and table extraction from an uploaded document; result {@link ParseDocumentResult}. */
  PARSE_DOCUMENT(ParseDocumentResult.class),
  /**
   * Gap detection over a parsed document; result {@link GapDetectionResult}. The server starts it
   * by itself after a successful {@link #PARSE_DOCUMENT} and never returns its id.
   */
  GAP_DETECTION(GapDetectionResult.class),
  /** Risk scoring of an assessment; result {@link RiskAnalysisResult}. */
  RISK_ANALYSIS(RiskAnalysisResult.class),
  /** PDF report generation; result {@link ReportGenerationResult}. */
  REPORT_GENERATION(ReportGenerationResult.class),
  /** A type this version of the SDK does not recognise; its result is available as JSON only. */
  UNKNOWN(null);

  private final Class<?> resultType;

  JobType(Class<?> resultType) {
    this.resultType = resultType;
  }

  /**
   * Returns the class that models this type's result.
   *
   * @return the result class, or null for {@link #UNKNOWN}
   */
  Class<?> resultType() {
    return resultType;
  }

  /**
   * Returns the type named by the server's string.
   *
   * @param value the server's value, such as {@code "AI_PREVIEW"}; may be null
   * @return the type, or {@link #UNKNOWN} for null and unrecognised values
   */
  public static JobType fromValue(String value) {
    if (value != null) {
      for (JobType t : values()) {
        if (t != UNKNOWN && t.name().equalsIgnoreCase(value.strip())) {
          return t;
        }
      }
    }
    return UNKNOWN;
  }

  /**
   * Returns the job type whose result the given SDK class models.
   *
   * @param resultType a class such as {@link AiPreviewResult}
   * @return the job type, or null when the class is not one of the SDK's result classes
   */
  static JobType ofResultType(Class<?> resultType) {
    for (JobType t : values()) {
      if (t.resultType != null && t.resultType.equals(resultType)) {
        return t;
      }
    }
    return null;
  }
}
