package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.ufw.iptables.IptablesPsadLogging;
import dev.hostguard.ufw.iptables.IptablesRestoreDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** psad's LOG lines count as present in any equivalent form; only missing lines are added. */
class PsadLogRulesTest {
  private static final String HEAD =
      "*filter\n:ufw-before-input - [0:0]\n-A ufw-before-input -i lo -j ACCEPT\n";
  private static final String TAIL =
      "# don't delete the 'COMMIT' line or these rules won't be processed\nCOMMIT\n";

  private static IptablesRestoreDocument doc(String middle) {
    return IptablesRestoreDocument.parse("before.rules", HEAD + middle + TAIL);
  }

  @Test
  void theSeedsLinesAreAddedOnceBeforeCommit() {
    IptablesRestoreDocument d = doc("");
    IptablesRestoreDocument once = PsadLogRules.ensure(d, "[IPTABLES] ");
    assertThat(once.render())
        .isEqualTo(
            HEAD
                + "# log all traffic so psad can analyze\n"
                + "-A INPUT -j LOG --log-tcp-options --log-prefix \"[IPTABLES] \"\n"
                + "-A FORWARD -j LOG --log-tcp-options --log-prefix \"[IPTABLES] \"\n"
                + "\n"
                + TAIL);
    assertThat(IptablesPsadLogging.isApplied(once)).isTrue();
    assertThat(PsadLogRules.ensure(once, "[IPTABLES] ")).isSameAs(once);
  }

  @Test
  void equivalentFormsCountAsPresent() {
    IptablesRestoreDocument d =
        doc(
            "-A ufw-before-input -j LOG --log-prefix \"[IPTABLES] \" --log-tcp-options\n"
                + "-A FORWARD -m comment --comment \"psad\" -j LOG --log-tcp-options"
                + " --log-prefix \"[IPTABLES] \"\n");
    assertThat(PsadLogRules.ensure(d, "[IPTABLES] ")).isSameAs(d);
  }

  @Test
  void onlyTheMissingLineIsAdded() {
    IptablesRestoreDocument d =
        doc("-A INPUT -j LOG --log-tcp-options --log-prefix \"[IPTABLES] \"\n");
    assertThat(PsadLogRules.ensure(d, "[IPTABLES] ").render())
        .isEqualTo(
            HEAD
                + "-A INPUT -j LOG --log-tcp-options --log-prefix \"[IPTABLES] \"\n"
                + "# log all traffic so psad can analyze\n"
                + "-A FORWARD -j LOG --log-tcp-options --log-prefix \"[IPTABLES] \"\n"
                + "\n"
                + TAIL);
  }

  @Test
  void linesThatLogLessOrElsewhereDoNotCount() {
    for (String line :
        new String[] {
          "-A INPUT -p tcp -j LOG --log-tcp-options --log-prefix \"[IPTABLES] \"\n",
          "-A INPUT -j LOG --log-prefix \"[IPTABLES] \"\n",
          "-A INPUT -j LOG --log-tcp-options --log-prefix \"[OTHER] \"\n",
          "-A OUTPUT -j LOG --log-tcp-options --log-prefix \"[IPTABLES] \"\n",
          // iptables-restore quotes with double quotes only: here the quotes are in the prefix
          "-A INPUT -j LOG --log-tcp-options --log-prefix '[IPTABLES] '\n",
        }) {
      IptablesRestoreDocument d = doc(line);
      assertThat(PsadLogRules.has(d, java.util.Set.of("INPUT"), "[IPTABLES] ")).as(line).isFalse();
    }
    // after COMMIT, in another table: not in *filter's rules
    IptablesRestoreDocument after =
        IptablesRestoreDocument.parse(
            "before.rules",
            HEAD
                + TAIL
                + "*nat\n-A INPUT -j LOG --log-tcp-options --log-prefix \"[IPTABLES] \"\nCOMMIT\n");
    assertThat(PsadLogRules.has(after, java.util.Set.of("INPUT"), "[IPTABLES] ")).isFalse();
  }

  @Test
  void theStockBeforeRulesGetBothLinesBeforeCommit() throws Exception {
    for (String name : new String[] {"before.rules", "before6.rules"}) {
      Path p = Path.of("/usr/share/ufw/iptables", name);
      if (!Files.exists(p)) {
        continue;
      }
      String text = Files.readString(p);
      IptablesRestoreDocument edited =
          PsadLogRules.ensure(IptablesRestoreDocument.parse(name, text), "[IPTABLES] ");
      assertThat(edited.render())
          .isEqualTo(IptablesPsadLogging.apply(IptablesRestoreDocument.parse(name, text)).render());
    }
  }
}
