package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed chapter's desired state, as {@link HardenProfile} builds it. N = 5 cases. */
class HardenProfileTest {
  private static final ServicesDatabase SERVICES =
      ServicesDatabase.builder()
          .add("ssh", 22, "tcp")
          .add("http", 80, "tcp")
          .add("https", 443, "tcp")
          .add("ftp", 21, "tcp")
          .add("whois", 43, "tcp")
          .build();

  @Test
  void rulesAreTheChaptersInOrderWithTheirComments() {
    DesiredState d = HardenProfile.of("root@localhost", "web1").desiredState(SERVICES);
    assertThat(d.rules())
        .extracting(r -> r.comment().orElse(""))
        .containsExactly(
            "allow SSH connections in",
            "allow DNS calls out",
            "allow NTP out",
            "allow HTTP traffic out",
            "allow HTTPS traffic out",
            "allow FTP traffic out",
            "allow whois",
            "allow the DHCP client to update",
            "allow the DHCP client to update");
    assertThat(d.rules())
        .extracting(UfwRule::destinationPort)
        .containsExactly("22", "53", "123", "80", "443", "21", "43", "67", "68");
    assertThat(d.outgoingPolicy()).contains(UfwPolicy.DENY);
    assertThat(d.incomingPolicy()).contains(UfwPolicy.DENY);
    assertThat(d.ownsRules()).isTrue();
    assertThat(d.psadLogging()).isTrue();
    assertThat(d.psadSettings())
        .containsEntry("EMAIL_ADDRESSES", "root@localhost")
        .containsEntry("HOSTNAME", "web1")
        .containsEntry("EXPECT_TCP_OPTIONS", "Y");
  }

  @Test
  void lanJoinsLoopbackInIgnoreIp() {
    HardenProfile p = HardenProfile.of("a@b", "h");
    assertThat(p.ignoreIp()).isEqualTo("127.0.0.1/8");
    assertThat(p.withLan(List.of("192.168.1.0/24", "10.0.0.0/8")).ignoreIp())
        .isEqualTo("127.0.0.1/8 192.168.1.0/24 10.0.0.0/8");
  }

  @Test
  void allowOutgoingAndExtraInbound() {
    DesiredState d =
        HardenProfile.of("a@b", "h")
            .withAllowOutgoing(true)
            .withAllowIn(List.of(ImmutableList.of("443/tcp")))
            .desiredState(SERVICES);
    assertThat(d.outgoingPolicy()).contains(UfwPolicy.ALLOW);
    assertThat(d.rules()).hasSize(10);
    assertThat(d.rules().get(9).destinationPort()).isEqualTo("443");
  }

  @Test
  void aBadAllowInSpecIsRefused() {
    HardenProfile p =
        HardenProfile.of("a@b", "h").withAllowIn(List.of(ImmutableList.of("70000/tcp")));
    assertThatThrownBy(() -> p.desiredState(SERVICES)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void serviceStepsStartFail2banWhenNotRunning() {
    assertThat(HardenProfile.serviceSteps(false).get(4))
        .isEqualTo(new PlanStep.RunCommand(ImmutableList.of("fail2ban-client", "start")));
    assertThat(HardenProfile.serviceSteps(true)).hasSize(5);
  }
}
