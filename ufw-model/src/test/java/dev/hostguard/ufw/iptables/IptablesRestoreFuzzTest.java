package dev.hostguard.ufw.iptables;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer: any bytes parse losslessly, validation never throws, typed rules never throw, and on
 * valid files the psad edit is idempotent and removable.
 */
class IptablesRestoreFuzzTest {
  @FuzzTest
  void iptablesRestoreParser(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    IptablesRestoreDocument doc = IptablesRestoreDocument.parse("<fuzz>", bytes);
    assertThat(doc.toBytes()).isEqualTo(bytes);
    boolean valid = doc.validate().isEmpty();
    for (IptablesLine l : doc.lines()) {
      if (l.kind() == IptablesLineKind.RULE) {
        IptablesRule r = l.rule();
        if (valid) {
          assertThat(IptablesLine.of(r.toLine()).arguments()).isEqualTo(r.arguments());
        }
      }
    }
    if (valid && doc.tables().contains("filter") && hasFilterCommit(doc)) {
      IptablesRestoreDocument once = IptablesPsadLogging.apply(doc);
      assertThat(IptablesPsadLogging.apply(once)).isEqualTo(once);
      assertThat(once.validate()).isEmpty();
      if (!IptablesPsadLogging.isApplied(doc)) {
        assertThat(IptablesPsadLogging.remove(once)).isEqualTo(doc);
      }
    }
  }

  private static boolean hasFilterCommit(IptablesRestoreDocument doc) {
    boolean inFilter = false;
    for (IptablesLine l : doc.lines()) {
      if (l.kind() == IptablesLineKind.TABLE) {
        inFilter = l.tableName().equals("filter");
      } else if (l.kind() == IptablesLineKind.COMMIT && inFilter) {
        return true;
      }
    }
    return false;
  }
}
