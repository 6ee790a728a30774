package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's stock configuration, as installed, resolved by us and by {@code fail2ban-client -d}: as
 * is, with each stock jail enabled in turn (logs pointed at temp files), and all at once.
 */
@RequiresRealTool({RealTool.FAIL2BAN_CLIENT})
class StockJailsDifferentialTest {
  @TempDir Path tmp;

  static List<String> stockJails() throws IOException {
    Fail2banIniDocument jailConf =
        Fail2banIniDocument.parse(
            "jail.conf", Files.readAllBytes(Fail2banOracle.STOCK.resolve("jail.conf")));
    List<String> jails = new ArrayList<>();
    for (String s : jailConf.sections()) {
      if (!s.equals("INCLUDES") && !s.equals("DEFAULT")) {
        jails.add(s);
      }
    }
    return jails;
  }

  @Test
  void stockAsInstalled() throws IOException {
    Path conf = Fail2banOracle.stockCopy(tmp);
    Fail2banOracle.assertSameDump(conf, "stock");
  }

  @TestFactory
  Stream<DynamicTest> eachStockJailEnabledInTurn() throws IOException {
    Path conf = Fail2banOracle.stockCopy(tmp);
    Fail2banOracle.pointLogsAt(conf, tmp.resolve("logs"));
    List<String> jails = stockJails();
    assertThat(jails).hasSizeGreaterThan(50);
    return jails.stream()
        .map(
            j ->
                DynamicTest.dynamicTest(
                    j,
                    () -> {
                      Fail2banOracle.write(
                          conf.resolve("jail.d/zz-enable.local"), "[" + j + "]\nenabled = true\n");
                      Fail2banOracle.assertSameDump(conf, "jail " + j);
                    }));
  }

  @Test
  void everyStockJailEnabledAtOnceWithoutLogs() throws IOException {
    Path conf = Fail2banOracle.stockCopy(tmp);
    StringBuilder b = new StringBuilder();
    for (String j : stockJails()) {
      b.append('[').append(j).append("]\nenabled = true\n");
    }
    Fail2banOracle.write(conf.resolve("jail.local"), b.toString());
    Fail2banOracle.assertSameDump(conf, "all jails");
  }
}
