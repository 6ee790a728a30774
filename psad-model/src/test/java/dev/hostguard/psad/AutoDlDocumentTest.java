package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AutoDlDocumentTest {

  @Test
  @RequiresRealTool(RealTool.PSAD)
  void debianAutoDlRoundTrips() throws IOException {
    String text = Files.readString(Path.of("/etc/psad/auto_dl"), StandardCharsets.UTF_8);
    AutoDlDocument doc = AutoDlDocument.parse("auto_dl", text);
    assertThat(doc.render()).isEqualTo(text);
    assertThat(doc.validate()).isEmpty();
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
    assertThat(doc.validate())
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

  @Test
  void bytesComeBackByteForByteUtf8OrNot() {
    byte[] latin1 = "# caf\u00e9\n192.0.2.7\t5;\n".getBytes(StandardCharsets.ISO_8859_1);
    AutoDlDocument a = AutoDlDocument.parse("auto_dl", latin1);
    assertThat(a.toBytes()).isEqualTo(latin1);
    assertThat(a.entries()).extracting(AutoDlEntry::address).containsExactly("192.0.2.7");
    assertThat(a.withEntry("198.51.100.1", 0, "").toBytes())
        .isEqualTo(
            "# caf\u00e9\n192.0.2.7\t5;\n198.51.100.1\t0;\n".getBytes(StandardCharsets.ISO_8859_1));
    byte[] utf8 = "# caf\u00e9\n192.0.2.7\t5;\n".getBytes(StandardCharsets.UTF_8);
    assertThat(AutoDlDocument.parse("auto_dl", utf8).toBytes()).isEqualTo(utf8);
    assertThat(AutoDlDocument.parse("auto_dl", "x\n").validate())
        .extracting(d -> d.severity() + " " + d.message())
        .containsExactly("WARNING improperly formatted auto_dl line 1");
  }

  @Test
  void aLineNotReadBackIsRefused() {
    AutoDlDocument doc = AutoDlDocument.parse("auto_dl", "");
    assertThatThrownBy(() -> doc.withEntry("192.0.2.7", 5, "tcp;x"))
        .isExactlyInstanceOf(PsadRefusedException.class);
  }
}
