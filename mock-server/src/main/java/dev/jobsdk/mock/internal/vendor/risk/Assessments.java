package dev.jobsdk.mock.internal.vendor.risk;

import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.JobRecord;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.RouteTable;
import dev.jobsdk.mock.internal.Seeds;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import dev.jobsdk.mock.internal.vendor.Validation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code /api/assessments/{id}} resource: document upload, and the three routes that start jobs
 * on an assessment (parse a document, submit gap fields, generate the PDF report). Any UUID is an
 * assessment of the caller (the mock keeps no assessments); documents are kept, so a parse of a
 * document that was never uploaded fails with 404 as the vendor's does.
 */
final class Assessments {

  /** The largest upload the vendor accepts: 25 MB. */
  static final long MAX_FILE_SIZE = 26_214_400L;
  private static final int DOCUMENTS_KEPT = 100_000;
  private static final String PDF = "application/pdf";

  /**
   * One uploaded document.
   *
   * @param id the document id
   * @param assessmentId its assessment
   * @param owner the uploading user's email
   * @param s3Key where the vendor would store it
   */
  record Document(String id, String assessmentId, String owner, String s3Key) {
  }

  private final Engine engine;
  private final Envelope envelope;
  private final Users users;
  private final Jobs jobs;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, Document> documents = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
      return size() > DOCUMENTS_KEPT;
    }
  };

  Assessments(Engine engine, Envelope envelope, Users users, Jobs jobs) {
    this.engine = engine;
    this.envelope = envelope;
    this.users = users;
    this.jobs = jobs;
  }

  void reset() {
    synchronized (documents) {
      documents.clear();
    }
    sequence.set(0);
  }

  /**
   * Registers a document as the upload route does.
   *
   * @param owner the user's email
   * @param assessmentId the assessment
   * @param fileName the file's name (only its last path segment is kept in the key)
   * @return the document
   */
  Document addDocument(String owner, String assessmentId, String fileName) {
    String id = Seeds.uuid(Seeds.mix(engine.config().seed(), 0xD0C0_0000L + sequence.incrementAndGet())).toString();
    String safeName = Validation.printable(fileName, 255).replace('/', '_').replace('\\', '_');
    Document document = new Document(id, assessmentId, owner,
        "assessments/" + assessmentId + "/documents/" + id + "/" + safeName);
    synchronized (documents) {
      documents.put(id, document);
    }
    return document;
  }

  Document document(String id) {
    synchronized (documents) {
      return documents.get(id);
    }
  }

  // ------------------------------------------------------------------ routes

  /**
   * {@code POST /api/assessments/{id}/documents} {@code {fileName, mimeType, fileSize}}: 201
   * {@code {presignedUrl, documentId}}. The presigned URL points at the mock's own upload route.
   */
  HttpResponse upload(HttpRequest request, RouteTable.Params params) {
    Users.User user = users.authenticate(request);
    String assessmentId = assessment(request, params);
    Envelope.Body body = envelope.body(request, Set.of("fileName", "mimeType", "fileSize"));
    String fileName = body.string("fileName", 255, true);
    String mimeType = body.string("mimeType", 50, true);
    body.integer("fileSize", 1, MAX_FILE_SIZE);
    body.validate();
    if (!PDF.equals(mimeType)) {
      throw envelope.error(400, "Only PDF files are allowed", request);
    }
    Document document = addDocument(user.email, assessmentId, fileName);
    String url = origin(request, engine.scheme()) + "/__mock/uploads/" + document.id()
        + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-SignedHeaders=host";
    return Json.response(201, Json.object().put("presignedUrl", url).put("documentId", document.id()));
  }

  /** {@code POST /api/assessments/{id}/documents/{documentId}/parse}: 201, the bare job id. */
  HttpResponse parse(HttpRequest request, RouteTable.Params params) {
    Users.User user = users.authenticate(request);
    String assessmentId = assessment(request, params);
    Document document = document(params.get("documentId"));
    if (document == null) {
      throw envelope.error(404, "Document not found", request);
    }
    JobRecord job = createParse(user.email, assessmentId, document, null);
    return HttpResponse.text(201, "text/html; charset=utf-8", job.id());
  }

  /** {@code POST /api/assessments/{id}/gap-fields/submit}: 201, the bare job id. */
  HttpResponse submitGapFields(HttpRequest request, RouteTable.Params params) {
    Users.User user = users.authenticate(request);
    String assessmentId = assessment(request, params);
    JobRecord job = jobs.create(user.email, "RISK_ANALYSIS", Json.object().put("assessmentId", assessmentId),
        assessmentId, null, null);
    return HttpResponse.text(201, "text/html; charset=utf-8", job.id());
  }

  /** {@code POST /api/assessments/{id}/report/pdf}: 201 {@code {jobId}}. */
  HttpResponse reportPdf(HttpRequest request, RouteTable.Params params) {
    Users.User user = users.authenticate(request);
    String assessmentId = assessment(request, params);
    JobRecord job = jobs.create(user.email, "REPORT_GENERATION", Json.object().put("assessmentId", assessmentId),
        assessmentId, null, null);
    return Json.response(201, Json.object().put("jobId", job.id()));
  }

  /** A parse job and the gap-detection job its success creates. */
  JobRecord createParse(String owner, String assessmentId, Document document, Lifecycle lifecycle) {
    JobRecord parse = jobs.create(owner, "PARSE_DOCUMENT", Json.object().put("assessmentId", assessmentId)
        .put("documentId", document.id()).put("s3Key", document.s3Key()), assessmentId, lifecycle, null);
    jobs.create(owner, "GAP_DETECTION", Json.object().put("assessmentId", assessmentId), assessmentId, null, parse);
    return parse;
  }

  private String assessment(HttpRequest request, RouteTable.Params params) {
    String id = params.get("id");
    if (!Validation.isUuid(id)) {
      throw envelope.error(400, Envelope.NOT_A_UUID, request);
    }
    return id;
  }

  /** The origin the client reached, from a Host header of host-name characters only. */
  private static String origin(HttpRequest request, String scheme) {
    String host = request.header("Host");
    if (host == null || host.isEmpty() || host.length() > 255) {
      return scheme + "://127.0.0.1";
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '-' && c != ':' && c != '[' && c != ']') {
        return scheme + "://127.0.0.1";
      }
    }
    return scheme + "://" + host;
  }
}
