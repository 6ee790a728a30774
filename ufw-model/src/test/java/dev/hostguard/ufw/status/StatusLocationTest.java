package dev.hostguard.ufw.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class StatusLocationTest {
  @Test
  void portsAreNotMistakenForIpv6Addresses() {
    StatusLocation l = StatusLocation.of("6000:6007/tcp");
    assertThat(l.port()).contains("6000:6007");
    assertThat(l.protocol()).contains("tcp");
    assertThat(l.address()).isEmpty();
    StatusLocation v6 = StatusLocation.of("2001:db8::1 22,80:90/udp on eth0");
    assertThat(v6.address()).contains("2001:db8::1");
    assertThat(v6.port()).contains("22,80:90");
    assertThat(v6.iface()).contains("eth0");
  }

  @Test
  void anywhereAppsAndProtocols() {
    StatusLocation any6 = StatusLocation.of("Anywhere/tcp (v6)");
    assertThat(any6.isAnywhere()).isTrue();
    assertThat(any6.protocol()).contains("tcp");
    assertThat(any6.v6()).isTrue();
    StatusLocation app = StatusLocation.of("10.0.0.1 80,443/tcp (WWW Full)");
    assertThat(app.address()).contains("10.0.0.1");
    assertThat(app.port()).contains("80,443");
    assertThat(app.app()).contains("WWW Full");
    StatusLocation plainApp = StatusLocation.of("Kerberos Full (v6) on eth0");
    assertThat(plainApp.app()).contains("Kerberos Full");
    assertThat(plainApp.v6()).isTrue();
    assertThat(plainApp.iface()).contains("eth0");
    StatusLocation addrProto = StatusLocation.of("10.0.0.0/8/esp");
    assertThat(addrProto.address()).contains("10.0.0.0/8");
    assertThat(addrProto.protocol()).contains("esp");
  }

  @Test
  void invalidCells() {
    assertThat(StatusLocation.isValid(" x")).isFalse();
    assertThat(StatusLocation.isValid("a#b")).isFalse();
    assertThat(StatusLocation.isValid("")).isFalse();
    assertThatThrownBy(() -> StatusLocation.of("x ")).isInstanceOf(IllegalArgumentException.class);
  }

  private static String line(String to, String action, String from, String tail) {
    return String.format(Locale.ROOT, "%-26s %-12s%-26s%s\n", to, action, from, tail);
  }

  @Test
  void parsedCellsAreTheirTextAndEqualCellsAreShared() {
    String text =
        "Status: active\n\n     To                         Action      From\n"
            + "     --                         ------      ----\n"
            + "[ 1] "
            + line("22/tcp", "ALLOW IN", "Anywhere", " # ssh")
            + "[ 2] "
            + line("80/tcp on eth0", "DENY IN", "Anywhere", " # ssh")
            + "[ 3] "
            + line("Anywhere", "ALLOW OUT", "10.0.0.0/8 53/udp", " (out)")
            + "\n";
    UfwStatus s = UfwStatus.parse("t", text);
    StatusEntry first = s.entries().get(0);
    StatusEntry second = s.entries().get(1);
    StatusEntry third = s.entries().get(2);
    assertThat(second.to().text()).isEqualTo("80/tcp on eth0");
    assertThat(second.to().iface()).contains("eth0");
    assertThat(third.from().text()).isEqualTo("10.0.0.0/8 53/udp");
    assertThat(third.from().port()).contains("53");
    // a cell read from the text equals, and hashes as, the cell built from its string
    for (StatusEntry e : s.entries()) {
      for (StatusLocation l : new StatusLocation[] {e.to(), e.from()}) {
        StatusLocation built = StatusLocation.of(l.text());
        assertThat(l).isEqualTo(built).hasSameHashCodeAs(built).hasToString(l.text());
        assertThat(l.hashCode()).isEqualTo(l.text().hashCode());
      }
    }
    assertThat(first.from()).isSameAs(second.from()).isSameAs(third.to());
    assertThat(first.comment()).contains("ssh");
    assertThat(first.comment().get()).isSameAs(second.comment().get());
    assertThat(first.to()).isNotEqualTo(second.to());
    assertThat(s.render()).isEqualTo(text);
  }

  @Test
  void aCellRangeIsCheckedAsACell() {
    assertThat(StatusLocation.of("x 22/tcp y", 2, 8).text()).isEqualTo("22/tcp");
    assertThat(StatusLocation.of("x 22/tcp y", 2, 8)).isEqualTo(StatusLocation.of("22/tcp"));
    assertThatThrownBy(() -> StatusLocation.of("x 22/tcp y", 1, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a status cell: ' 22/tcp'");
    assertThatThrownBy(() -> StatusLocation.of("a#b", 0, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StatusLocation.of("ab", 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
