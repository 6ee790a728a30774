package dev.hostguard.ufw.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
