package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.RoundTripAssertions;
import dev.hostguard.testing.UfwDataDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing application profile files: lossless where untouched, ufw's refusals, read by ufw. */
class AppProfileFileEditTest {
  private static final ServicesDatabase SERVICES =
      ServicesDatabase.parse("services", "ssh 22/tcp\nhttp 80/tcp\nhttp 80/udp\n");

  private static final String FILE =
      "# my profiles\n"
          + "[One]\n"
          + "title=First\n"
          + "description=The first\n"
          + "  of two\n"
          + "ports=1000/tcp\n"
          + "\n"
          + "; about two\n"
          + "[Two]\n"
          + "title=Second\n"
          + "description=The second\n"
          + "ports=2000/udp|2001\n";

  @TempDir Path tmp;

  @Test
  void changingAProfileRewritesOnlyItsLines() {
    AppProfileFile f = AppProfileFile.parse("mine", FILE);
    AppProfile one = f.profile("One").orElseThrow();
    assertThat(one.description()).isEqualTo("The first\nof two");
    AppProfileFile edited = f.withProfile(one.withPorts(List.of("1000/tcp", "1001/udp")), SERVICES);
    String after = edited.render();
    // header and unchanged option lines are written back as they were: only the ports line and
    // the continuation (re-indented by one blank) change
    RoundTripAssertions.assertEditLocality(FILE, after, Set.of(4, 5));
    assertThat(after)
        .isEqualTo(
            FILE.replace("  of two\nports=1000/tcp\n", " of two\nports=1000/tcp|1001/udp\n"));
    assertThat(edited.profile("One").orElseThrow().ports()).containsExactly("1000/tcp", "1001/udp");
    assertThat(edited.profile("Two")).isEqualTo(f.profile("Two"));
  }

  @Test
  void addingAppendsASectionAndRemovingTakesOnlyItsLines() {
    AppProfileFile f = AppProfileFile.parse("mine", FILE);
    AppProfile three = AppProfile.of("Three", "Third", "The third", List.of("3000:3010/tcp"));
    String added = f.withProfile(three, SERVICES).render();
    assertThat(added)
        .isEqualTo(FILE + "\n[Three]\ntitle=Third\ndescription=The third\nports=3000:3010/tcp\n");
    AppProfileFile removed = f.withoutProfile("One");
    RoundTripAssertions.assertOnlyLinesRemoved(FILE, removed.render(), Set.of(1, 2, 3, 4, 5, 6));
    assertThat(removed.profiles()).extracting(AppProfile::name).containsExactly("Two");
    AppProfileFile lastRemoved = f.withoutProfile("Two");
    RoundTripAssertions.assertOnlyLinesRemoved(FILE, lastRemoved.render(), Set.of(8, 9, 10, 11));
    assertThat(lastRemoved.render())
        .isEqualTo(FILE.substring(0, FILE.indexOf("\n; about")) + "\n; about two\n");
  }

  @Test
  void refusalsCarryUfwsMessages() {
    AppProfileFile f = AppProfileFile.parse("mine", FILE);
    assertThatThrownBy(() -> f.withProfile(AppProfile.of("ssh", "t", "d", List.of("22")), SERVICES))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Skipping 'ssh': also in /etc/services");
    assertThatThrownBy(() -> f.withProfile(AppProfile.of("-x", "t", "d", List.of("1")), SERVICES))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Skipping '-x': invalid name");
    assertThatThrownBy(
            () -> f.withProfile(AppProfile.of("R", "t", "d", List.of("1000:2000")), SERVICES))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Invalid ports in profile 'R'");
    assertThatThrownBy(() -> f.withProfile(AppProfile.of("E", "", "d", List.of("1")), SERVICES))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Profile 'E' has empty required field 'title'");
    assertThatThrownBy(() -> f.withoutProfile("one"))
        .isInstanceOf(UfwRefusedException.class)
        .hasMessage("Could not find profile 'one'");
    assertThatThrownBy(() -> f.withProfile(AppProfile.of("W", " t", "d", List.of("1")), SERVICES))
        .isInstanceOf(UfwRefusedException.class);
    assertThatThrownBy(
            () ->
                AppProfileFile.of(
                    "x",
                    List.of(
                        AppProfile.of("A", "t", "d", List.of("1")),
                        AppProfile.of("A", "t", "d", List.of("2"))),
                    SERVICES))
        .isInstanceOf(UfwRefusedException.class);
  }

  @Test
  @RequiresRealTool({RealTool.UFW})
  void ufwReadsTheEditedStockFile() throws IOException {
    Path dir = UfwDataDir.createStock(tmp.resolve("d"));
    Path web = dir.resolve("etc/ufw/applications.d/ufw-webserver");
    String stock = Files.readString(web);
    AppProfileFile f = AppProfileFile.parse("ufw-webserver", stock);
    ServicesDatabase host = ServicesDatabase.fromHost();
    AppProfileFile edited =
        f.withProfile(f.profile("WWW").orElseThrow().withPorts(List.of("80/tcp", "8000/tcp")), host)
            .withoutProfile("WWW Cache")
            .withProfile(
                AppProfile.of("My App", "Mine", "My own app", List.of("9000:9010/tcp", "9999")),
                host);
    Files.writeString(web, edited.render());

    CommandResult www = RealTools.ufwDryRun(dir, List.of("app", "info", "WWW"));
    assertThat(www.exitCode()).isZero();
    assertThat(www.stdout())
        .isEqualTo(
            "Profile: WWW\nTitle: Web Server\nDescription: Web server\n\nPorts:\n  80/tcp\n  8000/tcp\n");
    CommandResult mine = RealTools.ufwDryRun(dir, List.of("app", "info", "My App"));
    assertThat(mine.exitCode()).isZero();
    assertThat(mine.stdout())
        .isEqualTo(
            "Profile: My App\nTitle: Mine\nDescription: My own app\n\nPorts:\n  9000:9010/tcp\n  9999\n");
    CommandResult cache = RealTools.ufwDryRun(dir, List.of("app", "info", "WWW Cache"));
    assertThat(cache.exitCode()).isEqualTo(1);
    assertThat(UfwOracle.firstError(cache.stderr()))
        .isEqualTo("Could not find profile 'WWW Cache'");
    // our own reader agrees with ufw on the edited directory
    AppProfiles ours = AppProfiles.load(dir.resolve("etc/ufw/applications.d"), host);
    assertThat(ours.infoText("My App") + "\n").isEqualTo(mine.stdout());
    assertThat(ours.infoText("WWW") + "\n").isEqualTo(www.stdout());
  }
}
