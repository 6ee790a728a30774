package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.core.LosslessDocument;
import dev.hostguard.testing.RoundTripAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** /etc/services: lossless as a document, typed errors, and built databases that render. */
class ServicesDatabaseTest {
  @Test
  void hostFileIsLosslessAsTextAndBytes() throws IOException {
    Path file = Path.of("/etc/services");
    byte[] bytes = Files.readAllBytes(file);
    LosslessDocument doc = ServicesDatabase.load(file);
    assertThat(doc.sourceName()).isEqualTo("/etc/services");
    assertThat(doc.toBytes()).isEqualTo(bytes);
    String text = new String(bytes, StandardCharsets.UTF_8);
    RoundTripAssertions.assertLossless(
        text, t -> ServicesDatabase.parse("services", t), ServicesDatabase::render);
  }

  @Test
  void bytesThatAreNotUtf8AreKept() {
    byte[] bytes = "ssh 22/tcp # \u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    ServicesDatabase db = ServicesDatabase.parse("services", bytes);
    assertThat(db.toBytes()).isEqualTo(bytes);
    assertThat(db.port("ssh")).isEqualTo(OptionalInt.of(22));
  }

  @Test
  void badPortIsAServicesParseExceptionAtItsPosition() {
    assertThatThrownBy(() -> ServicesDatabase.parse("services", "# c\nssh 99999/tcp\n"))
        .isInstanceOf(ServicesParseException.class)
        .hasMessage("services:2:5: bad port '99999'")
        .satisfies(
            e -> assertThat(((ServicesParseException) e).lineText()).isEqualTo("ssh 99999/tcp"));
  }

  @Test
  void builtDatabaseRendersOneLinePerEntryAndParsesBack() {
    ServicesDatabase built =
        ServicesDatabase.builder()
            .add("ssh", 22, "tcp")
            .add("smtp", 25, "TCP", "mail")
            .add("domain", 53, "udp")
            .build();
    assertThat(built.render()).isEqualTo("ssh\t22/tcp\nsmtp\t25/tcp\tmail\ndomain\t53/udp\n");
    assertThat(built.sourceName()).isEqualTo("<memory>");
    ServicesDatabase back = ServicesDatabase.parse("services", built.render());
    assertThat(back.entries()).isEqualTo(built.entries());
    assertThat(back.port("mail")).isEqualTo(OptionalInt.of(25));
    assertThat(ServicesDatabase.builder().build().render()).isEmpty();
  }

  @Test
  void builderRefusesWhatCannotBeALine() {
    assertThatThrownBy(() -> ServicesDatabase.builder().add("my svc", 1, "tcp"))
        .isInstanceOf(UfwRefusedException.class);
    assertThatThrownBy(() -> ServicesDatabase.builder().add("x", 1, "tcp", "a#b"))
        .isInstanceOf(UfwRefusedException.class);
    assertThatThrownBy(() -> ServicesDatabase.builder().add("x", 70000, "tcp"))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("bad port '70000'");
  }
}
