package dev.hostguard.fail2ban.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.core.ParseException;
import dev.hostguard.fail2ban.gen.Fail2banReplyGens;
import java.util.List;
import org.junit.jupiter.api.Test;

class Fail2banRepliesTest {
  /** The seed's two outputs, with the line breaks and tabs fail2ban-client prints restored. */
  static final String SEED_STATUS = "Status\n|- Number of jail:\t1\n`- Jail list:\tsshd\n";

  static final String SEED_SSHD =
      "Status for the jail: sshd\n"
          + "|- Filter\n"
          + "|  |- Currently failed:\t0\n"
          + "|  |- Total failed:\t0\n"
          + "|  `- File list:\t/var/log/auth.log\n"
          + "`- Actions\n"
          + "   |- Currently banned:\t0\n"
          + "   |- Total banned:\t0\n"
          + "   `- Banned IP list:\t\n";

  @Test
  void seedOutputsParse() {
    ServerStatus s = ServerStatus.parse("seed", SEED_STATUS);
    assertThat(s.numberOfJails()).isEqualTo(1);
    assertThat(s.jails()).containsExactly("sshd");
    assertThat(s.render()).isEqualTo(SEED_STATUS);

    JailStatus j = JailStatus.parse("seed", SEED_SSHD);
    assertThat(j.jail()).isEqualTo("sshd");
    assertThat(j.fileList()).containsExactly("/var/log/auth.log");
    assertThat(j.bannedIps()).isEmpty();
    assertThat(j.render()).isEqualTo(SEED_SSHD);
    assertThat(j)
        .isEqualTo(JailStatus.ofFiles("sshd", 0, 0, List.of("/var/log/auth.log"), 0, 0, List.of()));
  }

  @Test
  void journalBackedJailAndAnEmptyServer() {
    String journal =
        "Status for the jail: sshd\n"
            + "|- Filter\n"
            + "|  |- Currently failed:\t1\n"
            + "|  |- Total failed:\t7\n"
            + "|  `- Journal matches:\t_SYSTEMD_UNIT=sshd.service + _COMM=sshd\n"
            + "`- Actions\n"
            + "   |- Currently banned:\t1\n"
            + "   |- Total banned:\t3\n"
            + "   `- Banned IP list:\t192.0.2.9\n";
    JailStatus j = JailStatus.parse("x", journal);
    assertThat(j.journalMatches()).contains("_SYSTEMD_UNIT=sshd.service + _COMM=sshd");
    assertThat(j.fileList()).isEmpty();
    assertThat(j.totalFailed()).isEqualTo(7);
    assertThat(j.render()).isEqualTo(journal);

    String none = "Status\n|- Number of jail:\t0\n`- Jail list:\t\n";
    assertThat(ServerStatus.parse("x", none).jails()).isEmpty();
    assertThat(ServerStatus.parse("x", none).render()).isEqualTo(none);
  }

  @Test
  void dispatchFollowsTheCommand() {
    assertThat(Fail2banReplies.reply(List.of("status"), SEED_STATUS))
        .isInstanceOf(ServerStatus.class);
    assertThat(Fail2banReplies.reply(List.of("status", "sshd"), SEED_SSHD))
        .isInstanceOf(JailStatus.class);
    assertThat(Fail2banReplies.reply(List.of("set", "sshd", "banip", "192.0.2.1"), "1\n"))
        .isEqualTo(new BanCount(1));
    assertThat(
            Fail2banReplies.reply(
                List.of("status", "x"), "Sorry but the jail 'x' does not exist\n"))
        .isEqualTo(new JailNotFound("x"));
    assertThatThrownBy(() -> Fail2banReplies.reply(List.of("ping"), "Server replied: pong\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedRepliesFailWithAPosition() {
    assertThatThrownBy(
            () -> ServerStatus.parse("out", "Status\n|- Number of jail:\tx\n`- Jail list:\t\n"))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.reason()).contains("expected a number");
            });
    String spaceNotTab = SEED_SSHD.replace("Total banned:\t", "Total banned: ");
    assertThatThrownBy(() -> JailStatus.parse("out", spaceNotTab))
        .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(8));
    String wrongMarker = SEED_SSHD.replace("`- Actions", "|- Actions");
    assertThatThrownBy(() -> JailStatus.parse("out", wrongMarker))
        .isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> JailStatus.parse("out", SEED_SSHD.strip()))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("missing final newline");
    assertThatThrownBy(
            () -> ServerStatus.parse("out", "Status\n|- Number of jail:\t2\n`- Jail list:\ta, \n"))
        .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(3));
    assertThatThrownBy(
            () -> ServerStatus.parse("out", "Status\n|- Number of jail:\t1\n`- Jail list:\ta\tb\n"))
        .isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> BanCount.parse("out", ""))
        .isInstanceOf(ParseException.class)
        .hasMessage("out:1:1: empty output");
    assertThatThrownBy(() -> BanCount.parse("out", "-1\n")).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> JailStatus.parse("out", SEED_SSHD.replace("\n", "\r\n")))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("unexpected CR");
  }

  @Test
  void modelsSurviveRenderThenParse() {
    qt().withFixedSeed(3L)
        .withExamples(2_000)
        .forAll(Fail2banReplyGens.jailStatuses())
        .check(s -> JailStatus.parse("g", s.render()).equals(s));
    qt().withFixedSeed(4L)
        .withExamples(500)
        .forAll(Fail2banReplyGens.serverStatuses())
        .check(s -> ServerStatus.parse("g", s.render()).equals(s));
    qt().withFixedSeed(5L)
        .withExamples(500)
        .forAll(Fail2banReplyGens.banCounts())
        .check(c -> BanCount.parse("g", c.render()).equals(c));
    qt().withFixedSeed(6L)
        .withExamples(200)
        .forAll(Fail2banReplyGens.jailNotFound())
        .check(e -> JailNotFound.parse("g", e.render()).equals(e));
  }
}
