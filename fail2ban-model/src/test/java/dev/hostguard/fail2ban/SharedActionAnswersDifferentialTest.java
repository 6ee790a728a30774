package dev.hostguard.fail2ban;

import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several jails share one action file, each with its own vars: tags of the {@code section/name}
 * forms, plain {@code [Definition]} values asked as tags (and a jail's vars holding such an
 * option), {@code [Init]} values and their {@code known/} copies. The dump must stay fail2ban's for
 * every jail, not only the first (a guard for any answer worked out once per file and shared).
 */
@RequiresRealTool({RealTool.FAIL2BAN_CLIENT})
class SharedActionAnswersDifferentialTest {
  @TempDir Path tmp;

  private static final Map<String, String[]> CASES =
      Map.ofEntries(
          Map.entry(
              "section-forms-and-init",
              new String[] {
                "action.d/shared.conf",
                "[Definition]\nactionban = echo <x> <ip> <known/y> <Definition/z> <default/w>"
                    + " <known/q> <HOST> <v>\nz = Z%(w)s\nv = V%(name)s\n[Init]\nx = <y>\n"
                    + "known/y = K\ny = X\n[DEFAULT]\nw = W\n",
                "jail.local",
                "[sshd]\nenabled = true\naction = shared\n   shared[name=two, q=3]\n"
                    + "   iptables-multiport\n[dropbear]\nenabled = true\naction = shared[v=jail]\n"
                    + "[selinux-ssh]\nenabled = true\naction = shared[y=Y]\n"
              }),
          Map.entry(
              "jail-vars-hold-a-definition-option",
              new String[] {
                "action.d/shared.conf",
                "[Definition]\nactionban = echo <logpath> <maxretry> <other> <failregex>\n"
                    + "logpath = /x\nmaxretry = 9\nother = O\nfailregex = F\n",
                "jail.local",
                "[sshd]\nenabled = true\naction = shared\n[dropbear]\nenabled = true\n"
                    + "action = shared\nlogpath = /var/log/dropbear.log\nmaxretry = 2\n"
              }));

  @ParameterizedTest
  @ValueSource(strings = {"section-forms-and-init", "jail-vars-hold-a-definition-option"})
  void everyJailSharingTheFileDumpsLikeFail2ban(String name) throws IOException {
    Path conf = Fail2banOracle.stockCopyWith(tmp, CASES.get(name));
    Fail2banOracle.assertSameDump(conf, name);
  }
}
