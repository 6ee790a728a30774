package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.testing.Fail2banConfDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration held in memory resolves exactly as the same files in a directory, reading nothing
 * from the host; a {@link Fail2banConfig} is a snapshot of what it read.
 */
class Fail2banConfigSourceTest {
  @TempDir Path tmp;

  private static final String JAIL_LOCAL =
      "[DEFAULT]\nbantime = 1h\nignoreip = 127.0.0.1/8 192.0.2.0/24\n\n"
          + "[sshd]\nenabled = true\nbanaction = ufw\nmaxretry = 3\n\n"
          + "[recidive]\nenabled = true\n";

  /** Every file of {@code dir}, by path relative to it. */
  private static Map<Path, String> readTree(Path dir) throws IOException {
    Map<Path, String> files = new LinkedHashMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p)) {
          files.put(dir.relativize(p), Files.readString(p));
        }
      }
    }
    return files;
  }

  @Test
  void aStockTreeInMemoryResolvesLikeTheDirectoryWithoutReadingTheHost() throws IOException {
    Path conf = Fail2banConfDir.copyStock(tmp.resolve("conf"));
    Files.writeString(conf.resolve("jail.local"), JAIL_LOCAL);
    Files.writeString(conf.resolve("jail.d/zz-extra.local"), "[sshd]\nfindtime = 20m\n");
    Map<Path, String> files = readTree(conf);

    Fail2banConfig fromDisk = Fail2banConfig.load(conf);
    // named after a directory that does not exist: a single read of the disk would fail
    Path nowhere = tmp.resolve("does-not-exist");
    Fail2banConfig fromMemory = Fail2banConfig.from(Fail2banConfigSource.inMemory(nowhere, files));
    assertThat(Files.exists(nowhere)).isFalse();

    assertThat(fromMemory.jailNames()).isEqualTo(fromDisk.jailNames()).contains("sshd", "recidive");
    Jail sshd = fromMemory.jail("sshd");
    assertThat(sshd.maxRetry()).contains(3);
    assertThat(sshd.findTime().map(Fail2banTime::seconds)).contains(1200.0);
    assertThat(sshd.banTime().map(Fail2banTime::seconds)).contains(3600.0);
    assertThat(sshd.banAction()).contains("ufw");
    assertThat(sshd.ignoreIps()).containsExactly("127.0.0.1/8", "192.0.2.0/24");
    for (String name : fromDisk.jailNames()) {
      Jail disk = fromDisk.jail(name);
      Jail memory = fromMemory.jail(name);
      assertThat(memory.withDiagnostics(java.util.List.of()))
          .as(name)
          .isEqualTo(disk.withDiagnostics(java.util.List.of()));
      assertThat(memory.diagnostics()).as(name).hasSameSizeAs(disk.diagnostics());
    }
    assertThat(fromMemory.enabledJails())
        .extracting(Jail::name)
        .containsExactlyElementsOf(fromDisk.enabledJails().stream().map(Jail::name).toList());
  }

  /** The same files, as an in-memory source named after the directory, give the same dump. */
  @Test
  void theDumpFromMemoryIsTheDumpFromTheDirectory() throws IOException {
    Path conf = Fail2banConfDir.copyStock(tmp.resolve("conf"));
    Files.writeString(conf.resolve("jail.local"), "[sshd]\nenabled = true\nmaxretry = 3\n");
    Path log = tmp.resolve("auth.log");
    Files.writeString(log, "");
    Files.writeString(
        conf.resolve("paths-overrides.local"),
        "[DEFAULT]\nsshd_log = " + log + "\nsyslog_authpriv = " + log + "\n");
    Map<Path, String> files = readTree(conf);
    files.put(log, ""); // an absolute path: the log file exists in memory too

    Fail2banDump disk = Fail2banDump.load(conf);
    Fail2banDump memory = Fail2banDump.from(Fail2banConfigSource.inMemory(conf, files));
    assertThat(disk.exitCode()).isZero();
    assertThat(memory.stdout()).isEqualTo(disk.stdout());
    assertThat(memory.exitCode()).isEqualTo(disk.exitCode());
    assertThat(memory.stdout()).contains("'addlogpath', '" + log + "', 'head'");
  }

  /** fail2ban dumps its defaults for an empty directory (exit 0): memory does the same. */
  @Test
  void anEmptyMemorySourceIsAnEmptyDirectory() throws IOException {
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Fail2banDump disk = Fail2banDump.load(empty);
    Fail2banDump memory = Fail2banDump.from(Fail2banConfigSource.inMemory(empty, Map.of()));
    assertThat(memory.stdout()).isEqualTo(disk.stdout()).contains("['set', 'dbpurgeage', '1d']");
    assertThat(memory.exitCode()).isEqualTo(disk.exitCode()).isZero();
    assertThat(memory.messages())
        .isEqualTo(disk.messages())
        .contains("ERROR   Found no accessible config files for 'jail' under " + empty);
    assertThat(memory.diagnostics())
        .anySatisfy(
            d -> {
              assertThat(d.isError()).isTrue();
              assertThat(d.sourceName()).isEqualTo(empty.toString());
              assertThat(d.message())
                  .isEqualTo("Found no accessible config files for 'jail' under " + empty);
            });
  }

  @Test
  void aConfigIsASnapshotOfWhatItRead() throws IOException {
    Files.writeString(tmp.resolve("jail.conf"), "[sshd]\nmaxretry = 3\n");
    Fail2banConfig config = Fail2banConfig.load(tmp);
    Jail first = config.jail("sshd");
    Files.writeString(tmp.resolve("jail.conf"), "[sshd]\nmaxretry = 9\n");
    assertThat(config.jail("sshd")).isSameAs(first);
    assertThat(first.maxRetry()).contains(3);
    assertThat(Fail2banConfig.load(tmp).jail("sshd").maxRetry()).contains(9);
  }

  @Test
  void aJailSetInAJailDLocalIsALosslessEditThatResolves() {
    String before =
        "# mine\n[sshd]\nport = 2222 ; custom port\n\n[nginx-http-auth]\nenabled = false\n";
    Fail2banIniDocument doc = Fail2banIniDocument.parse("jail.d/custom.local", before);
    Fail2banIniDocument edited =
        doc.withOption("sshd", "maxretry", "4").withOption("nginx-http-auth", "enabled", "true");
    assertThat(edited.render())
        .isEqualTo(
            "# mine\n[sshd]\nport = 2222 ; custom port\nmaxretry = 4\n\n"
                + "[nginx-http-auth]\nenabled = true\n");
    assertThat(doc.render()).isEqualTo(before);

    Map<Path, String> files = new LinkedHashMap<>();
    files.put(Path.of("jail.conf"), "[sshd]\nmaxretry = 5\n[nginx-http-auth]\nmaxretry = 6\n");
    files.put(Path.of("jail.d/custom.local"), edited.render());
    Fail2banConfig config = Fail2banConfig.from(Fail2banConfigSource.inMemory(files));
    assertThat(config.jail("sshd").maxRetry()).contains(4);
    assertThat(config.jail("sshd").port()).contains("2222");
    assertThat(config.jail("nginx-http-auth").enabled()).isTrue();
    assertThat(config.jail("nginx-http-auth").maxRetry()).contains(6);
  }

  @Test
  void anUnknownJailIsRefusedWithFail2bansMessage() {
    Fail2banConfig config =
        Fail2banConfig.from(
            Fail2banConfigSource.inMemory(Map.of(Path.of("jail.conf"), "[sshd]\n")));
    assertThatThrownBy(() -> config.jail("ssh"))
        .isInstanceOf(Fail2banRefusedException.class)
        .hasMessage("Sorry but the jail 'ssh' does not exist");
  }

  @Test
  void aBadSubstitutionNamesTheFileAndLineOfTheOption() {
    Map<Path, String> files =
        Map.of(
            Path.of("jail.conf"), "[DEFAULT]\nbantime = 10m\n[sshd]\nport = ssh\n",
            Path.of("jail.local"), "[sshd]\n# a comment\nlogpath = %(nope)s\n");
    Fail2banConfig config = Fail2banConfig.from(Fail2banConfigSource.inMemory(files));
    assertThatThrownBy(() -> config.jail("sshd"))
        .isInstanceOfSatisfying(
            Fail2banConfigException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Bad value substitution: option 'logpath' in section 'sshd' contains an"
                          + " interpolation key 'nope' which is not a valid option name. Raw"
                          + " value: '%(nope)s'");
              assertThat(e.file()).contains(Path.of("/etc/fail2ban/jail.local"));
              assertThat(e.line()).hasValue(3);
              assertThat(e.lineText()).isEqualTo("logpath = %(nope)s");
              assertThat(e.section()).contains("sshd");
              assertThat(e.option()).contains("logpath");
            });
  }

  @Test
  void aMissingFilterNamesTheFilterOption() {
    Map<Path, String> files =
        Map.of(Path.of("jail.conf"), "[sshd]\nenabled = true\n\nfilter = nope\n");
    Fail2banConfig config = Fail2banConfig.from(Fail2banConfigSource.inMemory(files));
    assertThatThrownBy(() -> config.jail("sshd"))
        .isInstanceOfSatisfying(
            Fail2banConfigException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Jail 'sshd' skipped, because of wrong configuration: Unable to read the"
                          + " filter 'nope'");
              assertThat(e.location()).contains("/etc/fail2ban/jail.conf:4");
              assertThat(e.option()).contains("filter");
            });
  }

  @Test
  void aNonBooleanEnabledIsADiagnosticAtItsLine() {
    Map<Path, String> files = Map.of(Path.of("jail.conf"), "[sshd]\nenabled = maybe\n");
    Jail sshd = Fail2banConfig.from(Fail2banConfigSource.inMemory(files)).jail("sshd");
    assertThat(sshd.enabled()).isFalse();
    assertThat(sshd.diagnostics())
        .anySatisfy(
            d -> {
              assertThat(d.sourceName()).isEqualTo("/etc/fail2ban/jail.conf");
              assertThat(d.position().line()).isEqualTo(2);
              assertThat(d.lineText()).isEqualTo("enabled = maybe");
              assertThat(d.isError()).isFalse();
              assertThat(d.message()).contains("not one of fail2ban's boolean words");
            });
  }

  @Test
  void aBadTimeIsRefused() {
    assertThatThrownBy(() -> Fail2banTime.of("10 parsecs"))
        .isInstanceOf(Fail2banRefusedException.class)
        .hasMessage("not a fail2ban time: '10 parsecs'");
  }
}
