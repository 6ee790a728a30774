package dev.hostguard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The oracle versions the expectations assume are the ones installed (checked under CI). */
@Tag("real-tool")
class RealToolVersionDifferentialTest {

  @Test
  @RequiresRealTool({
    RealTool.UFW,
    RealTool.FAIL2BAN_CLIENT,
    RealTool.FAIL2BAN_SERVER,
    RealTool.PSAD
  })
  void installedOraclesAreThePinnedVersions() {
    // The extension already refused other versions; this states the pins so a change is seen.
    assertThat(RealTool.UFW.installedVersion()).contains("0.36.2");
    assertThat(RealTool.FAIL2BAN_CLIENT.installedVersion()).contains("1.0.2");
    assertThat(RealTool.FAIL2BAN_SERVER.installedVersion()).contains("1.0.2");
    assertThat(RealTool.PSAD.installedVersion()).contains("2.4.6");
    assertThat(RealTool.SSH.pinnedVersion()).isEmpty();
  }

  @Test
  void versionIsTheFirstNumberOfTheFirstLineThatHasOne() {
    assertThat(VersionProbe.parse("ufw 0.36.2\nCopyright 2008-2023 Canonical Ltd.\n"))
        .contains("0.36.2");
    assertThat(VersionProbe.parse("Fail2Ban v1.0.2\n")).contains("1.0.2");
    assertThat(VersionProbe.parse("[+] psad v2.4.6 by Michael Rash <mbr@cipherdyne.org>\n"))
        .contains("2.4.6");
    assertThat(VersionProbe.parse("Unknown option: version\n")).isEqualTo(Optional.empty());
  }

  @Test
  void ciMeansTrueOneOrYes() {
    assertThat(RealTools.isCiValue("true")).isTrue();
    assertThat(RealTools.isCiValue("TRUE")).isTrue();
    assertThat(RealTools.isCiValue("1")).isTrue();
    assertThat(RealTools.isCiValue("yes")).isTrue();
    assertThat(RealTools.isCiValue("false")).isFalse();
    assertThat(RealTools.isCiValue("0")).isFalse();
    assertThat(RealTools.isCiValue("")).isFalse();
    assertThat(RealTools.isCiValue(null)).isFalse();
  }
}
