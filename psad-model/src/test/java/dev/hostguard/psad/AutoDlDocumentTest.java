package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

class AutoDlDocumentTest {
  static boolean debianAutoDlPresent() {
    return Files.isReadable(Path.of("/etc/psad/auto_dl"));
  }

  @Test
  @EnabledIf("debianAutoDlPresent")
  void debianAutoDlRoundTrips() throws IOException {
    String text = Files.readString(Path.of("/etc/psad/auto_dl"), StandardCharsets.UTF_8);
    AutoDlDocument doc = AutoDlDocument.parse("auto_dl", text);
    assertThat(doc.render()).isEqualTo(text);
    assertThat(doc.warnings()).isEmpty();
  }

  @Test
  void linesAreReadAsPsadReadsThem() {
    String text =
        "# c\n10.111.21.23     5;   # bad\n10.10.1.0/24  3  tcp/1-1024, udp/53;\n"
            + "10.0.0.0/255.0.0.0 0;\nfe80::1/64 2 icmp;\nscanner.example.org 4;\n"
            + "1.2.3.4 9;\nnot a line\n";
    AutoDlDocument doc = AutoDlDocument.parse("auto_dl", text);
    assertThat(doc.render()).isEqualTo(text);
    assertThat(doc.entries())
        .extracting(
            AutoDlEntry::address, AutoDlEntry::mask, AutoDlEntry::dangerLevel, AutoDlEntry::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("10.111.21.23", "32", 5, AutoDlEntry.Kind.IPV4),
            org.assertj.core.groups.Tuple.tuple("10.10.1.0", "24", 3, AutoDlEntry.Kind.IPV4),
            org.assertj.core.groups.Tuple.tuple("10.0.0.0", "255.0.0.0", 0, AutoDlEntry.Kind.IPV4),
            org.assertj.core.groups.Tuple.tuple("fe80::1", "64", 2, AutoDlEntry.Kind.IPV6),
            org.assertj.core.groups.Tuple.tuple(
                "scanner.example.org", "32", 4, AutoDlEntry.Kind.HOSTNAME));
    assertThat(doc.entries().get(1).ports())
        .extracting(Object::toString)
        .containsExactly("tcp/1-1024", "udp/53");
    assertThat(doc.entries().get(2).isIgnored()).isTrue();
    assertThat(doc.protocols(doc.entries().get(1))).containsExactly("tcp", "udp");
    assertThat(doc.protocols(doc.entries().get(3))).containsExactly("icmp");
    assertThat(doc.protocols(doc.entries().get(0))).isEmpty();
    assertThat(doc.warnings())
        .extracting(Object::toString)
        .containsExactly(
            "auto_dl:7:1: warning: improperly formatted auto_dl line 7",
            "auto_dl:8:1: warning: improperly formatted auto_dl line 8");
  }

  @Test
  void editsAppendAndRemoveLines() {
    AutoDlDocument doc = AutoDlDocument.parse("auto_dl", "# keep\n10.0.0.1 5;\n");
    AutoDlDocument added = doc.withEntry("203.0.113.7", 3, "tcp/22");
    assertThat(added.render()).isEqualTo("# keep\n10.0.0.1 5;\n203.0.113.7\t3\ttcp/22;\n");
    assertThat(added.entries().get(1).ports()).containsExactly(new PsadPortRange("tcp", 22, 22));
    assertThat(added.withoutAddress("10.0.0.1").render())
        .isEqualTo("# keep\n203.0.113.7\t3\ttcp/22;\n");
    assertThatThrownBy(() -> doc.withEntry("10.0.0.2", 7, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> doc.withEntry("10.0.0.2", 1, "tcp;x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
