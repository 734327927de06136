package dev.jobsdk.deepcurrent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

  @ParameterizedTest
  @CsvSource({
    "verified_contacts.json, verified_contacts.json",
    "../../etc/passwd, passwd",
    "/etc/passwd, passwd",
    "'..\\..\\Windows\\win.ini', win.ini",
    "C:\\evil.txt, evil.txt",
    ".bashrc, bashrc",
    "'  report.csv. ', report.csv",
    "a<b>c:d|e?f*g\"h, abcdefgh",
  })
  void sanitize_hostileNames_becomeBareNames(String hostile, String safe) {
    assertThat(FileNames.sanitize(hostile)).contains(safe);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", ".", "../", "a/..", "/", "\\", " . . "})
  void sanitize_nothingUsableLeft_isEmpty(String hostile) {
    assertThat(FileNames.sanitize(hostile)).isEmpty();
  }

  @Test
  void sanitize_controlCharacters_removed() {
    assertThat(FileNames.sanitize("re\u0000po\nrt\u007f.csv")).contains("report.csv");
  }

  @Test
  void sanitize_tooLong_truncatedTo255() {
    assertThat(FileNames.sanitize("x".repeat(400)).orElseThrow()).hasSize(255);
  }

  @Test
  void inside_safeName_isDirectChildOfTheDirectory(@TempDir Path dir) {
    assertThat(FileNames.inside(dir, "a.json").getParent())
        .isEqualTo(dir.toAbsolutePath().normalize());
  }

  @Test
  void inside_nameThatLeavesTheDirectory_isRejected(@TempDir Path dir) {
    assertThatThrownBy(() -> FileNames.inside(dir, "../x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FileNames.inside(dir, "sub/x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
