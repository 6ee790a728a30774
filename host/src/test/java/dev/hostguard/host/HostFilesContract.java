package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link HostFiles} must do, run against the local implementation and the one through an
 * executor (each under a temp root).
 */
abstract class HostFilesContract {
  /** 2026-11-30 15:50:00 in Europe/Berlin is 14:50 UTC: the stamp is local time. */
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T14:50:00Z"), ZoneId.of("Europe/Berlin"));

  static final String STAMP = "20261130155000";

  @TempDir Path root;
  HostFiles files;

  abstract HostFiles newFiles();

  @BeforeEach
  void setUp() throws IOException {
    files = newFiles().withRoot(root).withClock(CLOCK);
    Files.createDirectories(root.resolve("etc/ufw/applications.d"));
    Files.createDirectories(root.resolve("etc/fail2ban/jail.d"));
  }

  Path real(String logical) {
    return root.resolve(logical.substring(1));
  }

  static boolean runningAsRoot() throws IOException {
    return (Integer) Files.getAttribute(Path.of("/"), "unix:uid") == 0
        && (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
  }

  static int mode(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
  }

  @Test
  void readsAbsentAsEmptyAndBytesExactly() throws IOException {
    Path f = Path.of("/etc/fail2ban/jail.local");
    assertThat(files.read(f)).isEmpty();
    assertThat(files.stat(f)).isEmpty();
    assertThat(files.exists(f)).isFalse();
    byte[] bytes = {0, 1, (byte) 0xff, (byte) 0xc3, '\n', 'x', '\r'};
    Files.write(real("/etc/fail2ban/jail.local"), bytes);
    assertThat(files.read(f)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
    assertThat(files.exists(f)).isTrue();
    assertThat(files.isDirectory(f)).isFalse();
    assertThat(files.isDirectory(Path.of("/etc/fail2ban"))).isTrue();
  }

  /**
   * A FIFO without a writer would block a read for ever and a device may never end: a read refuses
   * both at once, as it refuses a directory, naming the path and the reason (N = 6 paths: a FIFO,
   * links to a FIFO, {@code /dev/null}, {@code /dev/zero} and {@code /dev/urandom}, a directory).
   */
  @Test
  void readRefusesFifosDevicesAndDirectoriesWithoutWaiting() throws Exception {
    Path fifo = real("/etc/fail2ban/jail.d/fifo.local");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    Files.createSymbolicLink(real("/etc/fail2ban/to-fifo.local"), fifo);
    List<String> special =
        List.of(
            "/etc/fail2ban/jail.d/fifo.local",
            "/etc/fail2ban/to-fifo.local",
            "/etc/fail2ban/null.local",
            "/etc/fail2ban/zero.local",
            "/etc/fail2ban/urandom.local");
    Files.createSymbolicLink(real("/etc/fail2ban/null.local"), Path.of("/dev/null"));
    Files.createSymbolicLink(real("/etc/fail2ban/zero.local"), Path.of("/dev/zero"));
    Files.createSymbolicLink(real("/etc/fail2ban/urandom.local"), Path.of("/dev/urandom"));
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (String p : special) {
            assertThatThrownBy(() -> files.read(Path.of(p)))
                .as(p)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage(
                    "cannot read "
                        + real(p)
                        + ": not a regular file (a FIFO or device: give a file)")
                .cause()
                .hasMessage(
                    "cannot read "
                        + real(p)
                        + ": not a regular file (a FIFO or device: give a file)");
          }
          assertThatThrownBy(() -> files.read(Path.of("/etc/fail2ban/jail.d")))
              .isInstanceOf(UncheckedIOException.class)
              .hasMessage("cannot read " + real("/etc/fail2ban/jail.d") + ": Is a directory");
        });
    // a regular file through a link still reads
    Files.write(real("/etc/fail2ban/jail.conf"), "[DEFAULT]\n".getBytes(UTF_8));
    Files.createSymbolicLink(real("/etc/fail2ban/to-jail.local"), real("/etc/fail2ban/jail.conf"));
    assertThat(files.read(Path.of("/etc/fail2ban/to-jail.local")))
        .hasValueSatisfying(b -> assertThat(new String(b, UTF_8)).isEqualTo("[DEFAULT]\n"));
  }

  @Test
  void statReportsTypeModeAndOwnerWithoutFollowingLinks() throws IOException {
    Path f = real("/etc/ufw/user.rules");
    Files.writeString(f, "x\n");
    Files.setAttribute(f, "unix:mode", 04640);
    Files.createSymbolicLink(real("/etc/ufw/link"), f);
    Files.createSymbolicLink(real("/etc/ufw/dangling"), root.resolve("nowhere"));
    FileStat s = files.stat(Path.of("/etc/ufw/user.rules")).orElseThrow();
    assertThat(s.type()).isEqualTo(FileStat.Type.REGULAR_FILE);
    assertThat(s.mode()).isEqualTo(04640);
    assertThat(s.uid()).isEqualTo(Files.getAttribute(f, "unix:uid"));
    assertThat(s.gid()).isEqualTo(Files.getAttribute(f, "unix:gid"));
    assertThat(files.stat(Path.of("/etc/ufw/link")).orElseThrow().isSymbolicLink()).isTrue();
    assertThat(files.exists(Path.of("/etc/ufw/dangling"))).isTrue();
    assertThat(files.stat(Path.of("/etc/ufw")).orElseThrow().isDirectory()).isTrue();
  }

  @Test
  void writeCreatesAFileWithMode0644AndNoBackup() throws IOException {
    Path f = Path.of("/etc/fail2ban/jail.local");
    AppliedChange c = files.write(f, "[sshd]\nenabled = true\n".getBytes(UTF_8));
    assertThat(c).isEqualTo(new AppliedChange(f, true, Optional.empty()));
    assertThat(Files.readString(real("/etc/fail2ban/jail.local")))
        .isEqualTo("[sshd]\nenabled = true\n");
    assertThat(mode(real("/etc/fail2ban/jail.local"))).isEqualTo(0644);
    assertThat(names("/etc/fail2ban")).containsExactly("jail.d", "jail.local");
    // the session created it: a second write changes its own file, nothing to back up
    assertThat(files.write(f, "x".getBytes(UTF_8)).backup()).isEmpty();
    assertThat(names("/etc/fail2ban")).containsExactly("jail.d", "jail.local");
  }

  @Test
  void writeOfEmptyContentAndBinaryContent() throws IOException {
    Path f = Path.of("/etc/ufw/sysctl.conf");
    files.write(f, new byte[0]);
    assertThat(Files.size(real("/etc/ufw/sysctl.conf"))).isZero();
    byte[] bin = new byte[70_000];
    for (int i = 0; i < bin.length; i++) {
      bin[i] = (byte) (i * 31 + (i >> 8));
    }
    files.write(f, bin);
    assertThat(Files.readAllBytes(real("/etc/ufw/sysctl.conf"))).isEqualTo(bin);
    assertThat(files.read(f)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bin));
  }

  @Test
  void firstChangeBacksUpBesideAsCpArchiveKeepingModeOwnerAndTime() throws IOException {
    Path real = real("/etc/ufw/before.rules");
    Files.writeString(real, "old\n");
    Files.setAttribute(real, "unix:mode", 0640);
    FileTime mtime = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
    Files.setLastModifiedTime(real, mtime);
    boolean asRoot = runningAsRoot();
    if (asRoot) {
      Files.setAttribute(real, "unix:uid", 1);
      Files.setAttribute(real, "unix:gid", 2);
    }
    Path f = Path.of("/etc/ufw/before.rules");
    AppliedChange c = files.write(f, "new\n".getBytes(UTF_8));
    Path backup = Path.of("/etc/ufw/before.rules-COPY-" + STAMP);
    assertThat(c).isEqualTo(new AppliedChange(f, true, Optional.of(backup)));
    Path realBackup = real(backup.toString());
    assertThat(Files.readString(realBackup)).isEqualTo("old\n");
    assertThat(mode(realBackup)).isEqualTo(0640);
    assertThat(Files.getLastModifiedTime(realBackup)).isEqualTo(mtime);
    assertThat(Files.readString(real)).isEqualTo("new\n");
    assertThat(mode(real)).isEqualTo(0640);
    if (asRoot) {
      assertThat(Files.getAttribute(real, "unix:uid")).isEqualTo(1);
      assertThat(Files.getAttribute(real, "unix:gid")).isEqualTo(2);
      assertThat(Files.getAttribute(realBackup, "unix:uid")).isEqualTo(1);
      assertThat(Files.getAttribute(realBackup, "unix:gid")).isEqualTo(2);
    }
    // later changes in the same session: no more backups
    assertThat(files.write(f, "newer\n".getBytes(UTF_8)).backup()).isEmpty();
    assertThat(names("/etc/ufw"))
        .containsExactly("applications.d", "before.rules", "before.rules-COPY-" + STAMP);
  }

  @Test
  void setuidAndSetgidBitsSurviveAnOwnerChange() throws IOException {
    assumeTrue(runningAsRoot(), "chown to another user needs root");
    Path real = real("/etc/ufw/after.init");
    Files.writeString(real, "#!/bin/sh\n");
    Files.setAttribute(real, "unix:uid", 3);
    Files.setAttribute(real, "unix:gid", 4);
    Files.setAttribute(real, "unix:mode", 06750);
    files.write(Path.of("/etc/ufw/after.init"), "#!/bin/sh\nexit 0\n".getBytes(UTF_8));
    assertThat(mode(real)).isEqualTo(06750);
    assertThat(Files.getAttribute(real, "unix:uid")).isEqualTo(3);
    assertThat(Files.getAttribute(real, "unix:gid")).isEqualTo(4);
  }

  @Test
  void backupCollisionsCountOnAndNeverOverwrite() throws IOException {
    Path real = real("/etc/ufw/ufw.conf");
    Path f = Path.of("/etc/ufw/ufw.conf");
    Files.writeString(real, "v1\n");
    for (int v = 2; v <= 4; v++) {
      // a new session each time: each one backs up before its first change
      HostFiles session = newFiles().withRoot(root).withClock(CLOCK);
      session.write(f, ("v" + v + "\n").getBytes(UTF_8));
    }
    assertThat(Files.readString(real("/etc/ufw/ufw.conf-COPY-" + STAMP))).isEqualTo("v1\n");
    assertThat(Files.readString(real("/etc/ufw/ufw.conf-COPY-" + STAMP + "-2"))).isEqualTo("v2\n");
    assertThat(Files.readString(real("/etc/ufw/ufw.conf-COPY-" + STAMP + "-3"))).isEqualTo("v3\n");
    assertThat(Files.readString(real)).isEqualTo("v4\n");
  }

  @Test
  void writingTheSameBytesChangesAndBacksUpNothing() throws IOException {
    Path real = real("/etc/ufw/user.rules");
    Files.writeString(real, "same\n");
    FileTime before = Files.getLastModifiedTime(real);
    Object inode = Files.getAttribute(real, "unix:ino");
    AppliedChange c = files.write(Path.of("/etc/ufw/user.rules"), "same\n".getBytes(UTF_8));
    assertThat(c.changed()).isFalse();
    assertThat(c.backup()).isEmpty();
    assertThat(Files.getAttribute(real, "unix:ino")).isEqualTo(inode);
    assertThat(Files.getLastModifiedTime(real)).isEqualTo(before);
    assertThat(names("/etc/ufw")).containsExactly("applications.d", "user.rules");
  }

  @Test
  void wholeReadDirectoryBacksUpUnderTheBackupRootMirroringThePath() throws IOException {
    Path real = real("/etc/ufw/applications.d/hostguard");
    Files.writeString(real, "[A]\n");
    Path f = Path.of("/etc/ufw/applications.d/hostguard");
    AppliedChange c = files.write(f, "[B]\n".getBytes(UTF_8));
    Path backup = Path.of("/var/backups/hostguard/etc/ufw/applications.d/hostguard-COPY-" + STAMP);
    assertThat(c.backup()).contains(backup);
    assertThat(Files.readString(real(backup.toString()))).isEqualTo("[A]\n");
    assertThat(names("/etc/ufw/applications.d")).containsExactly("hostguard");

    Path elsewhere = Path.of("/srv/backups");
    HostFiles custom =
        newFiles()
            .withRoot(root)
            .withClock(CLOCK)
            .withBackupPolicy(BackupPolicy.defaults().withBackupRoot(elsewhere));
    assertThat(custom.write(f, "[C]\n".getBytes(UTF_8)).backup())
        .contains(Path.of("/srv/backups/etc/ufw/applications.d/hostguard-COPY-" + STAMP));
    assertThat(
            Files.readString(real("/srv/backups/etc/ufw/applications.d/hostguard-COPY-" + STAMP)))
        .isEqualTo("[B]\n");
  }

  @Test
  void aLeftoverTempFileIsReplacedAndNoneRemains() throws IOException {
    Path temp = real("/etc/fail2ban/jail.d/.sshd.conf.hostguard-tmp");
    Files.writeString(temp, "half a writ");
    files.write(Path.of("/etc/fail2ban/jail.d/sshd.conf"), "[sshd]\n".getBytes(UTF_8));
    assertThat(names("/etc/fail2ban/jail.d")).containsExactly("sshd.conf");
    assertThat(Files.readString(real("/etc/fail2ban/jail.d/sshd.conf"))).isEqualTo("[sshd]\n");
  }

  @Test
  void symbolicLinksAreNeverReplaced() throws IOException {
    Path target = real("/etc/ufw/target.rules");
    Files.writeString(target, "t\n");
    Files.createSymbolicLink(real("/etc/ufw/link.rules"), target);
    Path link = Path.of("/etc/ufw/link.rules");
    assertThatThrownBy(() -> files.write(link, "x".getBytes(UTF_8)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("symbolic link");
    assertThatThrownBy(() -> files.delete(link)).isInstanceOf(UncheckedIOException.class);
    assertThat(Files.isSymbolicLink(real("/etc/ufw/link.rules"))).isTrue();
    assertThat(Files.readString(target)).isEqualTo("t\n");
    assertThat(names("/etc/ufw")).containsExactly("applications.d", "link.rules", "target.rules");
  }

  @Test
  void writeIntoAMissingDirectoryFailsAndLeavesNothing() {
    assertThatThrownBy(() -> files.write(Path.of("/etc/psad/psad.conf"), "x".getBytes(UTF_8)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("psad");
    assertThat(Files.exists(real("/etc/psad"))).isFalse();
  }

  @Test
  void listsSortedEntriesHiddenOnesIncluded() throws IOException {
    for (String n : List.of("b", ".hidden", "a b", "z.conf", "ä")) {
      Files.writeString(real("/etc/fail2ban/jail.d/" + n), n);
    }
    Files.createDirectory(real("/etc/fail2ban/jail.d/sub"));
    assertThat(files.list(Path.of("/etc/fail2ban/jail.d")))
        .containsExactly(
            Path.of("/etc/fail2ban/jail.d/.hidden"),
            Path.of("/etc/fail2ban/jail.d/a b"),
            Path.of("/etc/fail2ban/jail.d/b"),
            Path.of("/etc/fail2ban/jail.d/sub"),
            Path.of("/etc/fail2ban/jail.d/z.conf"),
            Path.of("/etc/fail2ban/jail.d/ä"));
    assertThat(files.list(Path.of("/etc/fail2ban/jail.d/sub"))).isEmpty();
    assertThatThrownBy(() -> files.list(Path.of("/etc/fail2ban/jail.d/b")))
        .isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(() -> files.list(Path.of("/nowhere")))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void deleteBacksUpFirstAndIsANoOpWhenAbsent() throws IOException {
    Files.writeString(real("/etc/fail2ban/jail.d/old.conf"), "[old]\n");
    Path f = Path.of("/etc/fail2ban/jail.d/old.conf");
    AppliedChange c = files.delete(f);
    assertThat(c)
        .isEqualTo(
            new AppliedChange(
                f, true, Optional.of(Path.of("/etc/fail2ban/jail.d/old.conf-COPY-" + STAMP))));
    assertThat(names("/etc/fail2ban/jail.d")).containsExactly("old.conf-COPY-" + STAMP);
    assertThat(files.delete(f)).isEqualTo(new AppliedChange(f, false, Optional.empty()));
  }

  @Test
  void mkdirsCreatesParents() {
    files.mkdirs(Path.of("/etc/psad/snort_rules"));
    assertThat(files.isDirectory(Path.of("/etc/psad/snort_rules"))).isTrue();
    files.mkdirs(Path.of("/etc/psad/snort_rules"));
    assertThat(Files.isDirectory(real("/etc/psad/snort_rules"))).isTrue();
  }

  @Test
  void pathsMustBeAbsoluteAndNormalised() {
    assertThatThrownBy(() -> files.read(Path.of("etc/ufw/user.rules")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> files.read(Path.of("/etc/ufw/../../x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> files.write(Path.of("/"), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  List<String> names(String logicalDir) throws IOException {
    try (var s = Files.list(real(logicalDir))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
