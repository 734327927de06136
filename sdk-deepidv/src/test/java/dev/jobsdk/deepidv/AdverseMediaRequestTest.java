package dev.jobsdk.deepidv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdverseMediaRequestTest {

  private static AdverseMediaRequest.Builder valid() {
    return AdverseMediaRequest.builder()
        .email("jane.doe@example.com")
        .firstName("Jane")
        .lastName("Doe")
        .dateOfBirth("1985-04-12");
  }

  @Test
  void build_validValues_keepsThemAndUpperCasesCountry() {
    AdverseMediaRequest request = valid().country("ca").build();

    assertThat(request.email()).isEqualTo("jane.doe@example.com");
    assertThat(request.firstName()).isEqualTo("Jane");
    assertThat(request.lastName()).isEqualTo("Doe");
    assertThat(request.dateOfBirth()).isEqualTo(LocalDate.of(1985, 4, 12));
    assertThat(request.country()).contains("CA");
  }

  @Test
  void build_withoutCountry_hasNoCountry() {
    assertThat(valid().build().country()).isEmpty();
    assertThat(valid().country("DE").country(null).build().country()).isEmpty();
  }

  @Test
  void dateOfBirth_acceptsLocalDate() {
    AdverseMediaRequest request = valid().dateOfBirth(LocalDate.of(2000, 2, 29)).build();

    assertThat(request.dateOfBirth()).isEqualTo(LocalDate.of(2000, 2, 29));
  }

  @ParameterizedTest
  @ValueSource(strings = {"email", "firstName", "lastName", "dateOfBirth"})
  void build_missingRequiredField_namesIt(String field) {
    AdverseMediaRequest.Builder b = AdverseMediaRequest.builder();
    if (!field.equals("email")) {
      b.email("a@example.com");
    }
    if (!field.equals("firstName")) {
      b.firstName("A");
    }
    if (!field.equals("lastName")) {
      b.lastName("B");
    }
    if (!field.equals("dateOfBirth")) {
      b.dateOfBirth("1990-01-01");
    }

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(field + " is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "@example.com",
        "jane@",
        "jane@example",
        "jane doe@example.com",
        "jane@@example.com",
        "jane@exa mple.com",
        "jane..doe@example.com",
        ".jane@example.com",
        "jane@-example.com",
        "jane@example..com"
      })
  void email_invalid_isRejectedNamingTheField(String email) {
    assertThatThrownBy(() -> AdverseMediaRequest.builder().email(email))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("email ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jane.doe@example.com", "j+tag@mail.example.co.uk", "o'brien@example.ie"})
  void email_valid_isAccepted(String email) {
    assertThat(AdverseMediaRequest.builder().email(email)).isNotNull();
  }

  @Test
  void email_longerThan254_isRejected() {
    String label = "b".repeat(60);
    String email = "a@" + String.join(".", label, label, label, label, label) + ".com";

    assertThat(email.length()).isGreaterThan(254);
    assertThatThrownBy(() -> AdverseMediaRequest.builder().email(email))
        .hasMessageStartingWith("email ");
  }

  @Test
  void email_null_isRejectedAsIllegalArgument() {
    assertThatThrownBy(() -> AdverseMediaRequest.builder().email(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email must not be null");
  }

  @Test
  void names_from1To255Characters_areAccepted() {
    AdverseMediaRequest request =
        valid().firstName("J").lastName("x".repeat(AdverseMediaRequest.MAX_NAME_LENGTH)).build();

    assertThat(request.lastName()).hasSize(255);
  }

  @Test
  void names_emptyBlankOrTooLong_areRejectedNamingTheField() {
    assertThatThrownBy(() -> valid().firstName(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("firstName must not be blank");
    assertThatThrownBy(() -> valid().lastName("   "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lastName must not be blank");
    assertThatThrownBy(() -> valid().firstName("x".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("firstName must be at most 255 characters, was 256");
    assertThatThrownBy(() -> valid().lastName(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lastName must not be null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1985-4-12", "85-04-12", "1985/04/12", "12-04-1985", "1985-04-12T00:00", ""})
  void dateOfBirth_notInYyyyMmDdForm_isRejected(String date) {
    assertThatThrownBy(() -> valid().dateOfBirth(date))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dateOfBirth must be in YYYY-MM-DD form, such as 1985-04-12");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1985-02-30", "2001-02-29", "1985-13-01", "1985-00-10", "0000-01-01"})
  void dateOfBirth_notARealDate_isRejected(String date) {
    assertThatThrownBy(() -> valid().dateOfBirth(date))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("dateOfBirth must");
  }

  @Test
  void dateOfBirth_invalid_messageDoesNotRepeatTheDate() {
    assertThatThrownBy(() -> valid().dateOfBirth("1985-02-30"))
        .hasMessageNotContaining("1985-02-30");
  }

  @Test
  void dateOfBirth_localDateWithFiveDigitYear_isRejected() {
    assertThatThrownBy(() -> valid().dateOfBirth(LocalDate.of(10000, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("dateOfBirth ");
    assertThatThrownBy(() -> valid().dateOfBirth((LocalDate) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dateOfBirth must not be null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "C", "CAN", "XX", "ZZ", "uk", "1A", " ca"})
  void country_notAnIso3166Alpha2Code_isRejected(String country) {
    assertThatThrownBy(() -> valid().country(country))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("country must be an ISO 3166-1 alpha-2 code");
  }

  @Test
  void toString_masksPersonalData() {
    String s = Fixtures.request().toString();

    assertThat(s)
        .doesNotContain("jane.doe", "Jane", "Doe", "1985")
        .contains("j***@example.com", "J***", "D***", "country=CA");
  }

  @Test
  void toBuilder_derivesAnEqualRequest() {
    AdverseMediaRequest request = Fixtures.request();

    assertThat(request.toBuilder().build()).isEqualTo(request).hasSameHashCodeAs(request);
    assertThat(request.toBuilder().country("US").build()).isNotEqualTo(request);
  }
}
