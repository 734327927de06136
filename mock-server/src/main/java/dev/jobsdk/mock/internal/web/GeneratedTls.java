package dev.jobsdk.mock.internal.web;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A self-signed certificate generated at start (okhttp-tls {@link HeldCertificate}, ECDSA P-256) for
 * 127.0.0.1 and localhost: the server's TLS context, and a client side that trusts exactly it.
 */
public final class GeneratedTls {

  private final X509Certificate certificate;
  private final SSLContext serverContext;
  private final SSLSocketFactory clientSocketFactory;
  private final X509TrustManager clientTrustManager;

  private GeneratedTls(X509Certificate certificate, SSLContext serverContext, SSLSocketFactory clientSocketFactory,
      X509TrustManager clientTrustManager) {
    this.certificate = certificate;
    this.serverContext = serverContext;
    this.clientSocketFactory = clientSocketFactory;
    this.clientTrustManager = clientTrustManager;
  }

  /**
   * Generates a certificate valid for a day.
   *
   * @return the generated certificate and both sides' TLS settings
   * @throws IllegalStateException when okhttp-tls is not on the class path
   */
  public static GeneratedTls generate() {
    try {
      return generateWithOkHttpTls();
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException("TLS needs com.squareup.okhttp3:okhttp-tls on the class path (test scope is"
          + " enough) to generate the server's certificate", e);
    }
  }

  private static GeneratedTls generateWithOkHttpTls() {
    HeldCertificate held = new HeldCertificate.Builder()
        .commonName("jobsdk mock server")
        .addSubjectAlternativeName("127.0.0.1")
        .addSubjectAlternativeName("localhost")
        .duration(1, TimeUnit.DAYS)
        .build();
    HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(held).build();
    HandshakeCertificates client = new HandshakeCertificates.Builder().addTrustedCertificate(held.certificate()).build();
    return new GeneratedTls(held.certificate(), server.sslContext(), client.sslSocketFactory(), client.trustManager());
  }

  /** @return the certificate a client trusts */
  public X509Certificate certificate() {
    return certificate;
  }

  /** @return the server's TLS context */
  public SSLContext serverContext() {
    return serverContext;
  }

  /** @return a socket factory whose connections trust only this certificate */
  public SSLSocketFactory clientSocketFactory() {
    return clientSocketFactory;
  }

  /** @return a trust manager that trusts only this certificate */
  public X509TrustManager clientTrustManager() {
    return clientTrustManager;
  }

  /** @return the certificate in PEM, as {@code curl --cacert} and most tools read it */
  public String certificatePem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the generated certificate", e);
    }
  }
}
