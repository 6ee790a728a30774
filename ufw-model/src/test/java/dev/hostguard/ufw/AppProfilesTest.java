package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.testing.RoundTripAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Application profiles: lossless files, ufw's validation and warnings. */
class AppProfilesTest {
  @TempDir Path tmp;

  @Test
  @RequiresRealTool({RealTool.UFW})
  void installedProfilesAndPlexAreLossless() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("/etc/ufw/applications.d"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String text = Files.readString(f);
        RoundTripAssertions.assertLossless(
            text, t -> AppProfileFile.parse(f.toString(), t), AppProfileFile::render);
      }
    }
    AppProfileFile plex = AppProfileFile.parse("plexmediaserver", UfwOracle.PLEX);
    assertThat(plex.render()).isEqualTo(UfwOracle.PLEX);
    assertThat(plex.profiles()).hasSize(1);
    AppProfile p = plex.profiles().get(0);
    assertThat(p.name()).isEqualTo("PlexMediaServer");
    assertThat(p.ports()).hasSize(8).startsWith("32469/tcp", "32413/udp");
    assertThat(p.problem(ServicesDatabase.fromHost())).isEmpty();
    assertThat(
            AppProfileFile.parse(
                    "x",
                    AppProfileFile.of("x", plex.profiles(), ServicesDatabase.fromHost()).render())
                .profiles())
        .isEqualTo(plex.profiles());
  }

  @Test
  void validationMessagesAreUfws() throws IOException {
    Path apps = Files.createDirectories(tmp.resolve("apps"));
    Files.writeString(
        apps.resolve("a"),
        "[Good]\ntitle=t\ndescription=d\nports=80,443/tcp\n\n"
            + "[NoPorts]\ntitle=t\ndescription=d\n\n"
            + "[Range]\ntitle=t\ndescription=d\nports=1000:2000\n\n"
            + "[ssh]\ntitle=t\ndescription=d\nports=22/tcp\n\n"
            + "[-bad]\ntitle=t\ndescription=d\nports=1\n");
    Files.writeString(apps.resolve("b"), "[Good]\ntitle=t2\ndescription=d\nports=81\n");
    Files.writeString(apps.resolve("c~"), "garbage");
    Files.writeString(apps.resolve("d"), "no header\n");
    AppProfiles profiles = AppProfiles.load(apps, ServicesDatabase.fromHost());
    assertThat(profiles.byName().keySet()).containsExactly("Good");
    assertThat(profiles.byName().get("Good").title()).isEqualTo("t2");
    assertThat(profiles.warnings())
        .containsExactly(
            "\"Profile 'NoPorts' missing required field 'ports'\"",
            "\"Invalid ports in profile 'Range'\"",
            "Skipping 'ssh': also in /etc/services",
            "Skipping '-bad': invalid name",
            "Duplicate profile 'Good', using last found",
            "Skipping 'd': couldn't process");
    assertThat(profiles.listText()).isEqualTo("Available applications:\n  Good");
    assertThat(profiles.infoText("Good"))
        .isEqualTo("Profile: Good\nTitle: t2\nDescription: d\n\nPort:\n  81");
    assertThatThrownBy(() -> profiles.infoText("all!")).hasMessage("Invalid profile name");
    assertThatThrownBy(() -> profiles.infoText("good")).hasMessage("Could not find profile 'good'");
  }

  @Test
  void duplicateSectionInOneFileIsAParseError() {
    assertThatThrownBy(() -> AppProfileFile.parse("f", "[A]\ntitle=x\n[A]\ntitle=y\n"))
        .isInstanceOf(AppProfileParseException.class);
  }

  @Test
  void profilesAreListedInNameOrderWhateverTheFileOrder() {
    String body = "title=t\ndescription=d\nports=8080/tcp\n\n";
    java.util.Map<String, String> files =
        java.util.Map.of(
            "z", "[b]\n" + body + "[App10]\n" + body,
            "a", "[a-1]\n" + body + "[B]\n" + body + "[App2]\n" + body,
            "m", "[App10]\ntitle=last\ndescription=d\nports=8081/tcp\n");
    AppProfiles p = AppProfiles.fromFiles(files, ServicesDatabase.fromHost());
    // Python's sorted() of ufw's names: code point order, upper case before lower case
    assertThat(p.byName().keySet()).containsExactly("App10", "App2", "B", "a-1", "b");
    assertThat(p.listText()).isEqualTo("Available applications:\n  App10\n  App2\n  B\n  a-1\n  b");
    // files are read in name order (a, m, z): z's App10 is the last one found
    assertThat(p.byName().get("App10").fields()).containsEntry("ports", "8080/tcp");
    assertThat(p.warnings()).containsExactly("Duplicate profile 'App10', using last found");
    AppProfiles built =
        AppProfiles.of(
            java.util.List.of(
                AppProfile.of("b", "t", "d", java.util.List.of("1")),
                AppProfile.of("B", "t", "d", java.util.List.of("2")),
                AppProfile.of("b", "t2", "d", java.util.List.of("3"))),
            ServicesDatabase.fromHost());
    assertThat(built.byName().keySet()).containsExactly("B", "b");
    assertThat(built.byName().get("b").title()).isEqualTo("t2");
  }
}
