package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.ForkedJvm;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fail2ban's limits (docs/reliability.md, "Limits"), in a forked JVM with a 256 MiB heap where the
 * input is big: a 100 MB {@code jail.local} and a 1 MB line are refused with a position (ours:
 * fail2ban has no such limit); an include chain as deep as fail2ban reads (489) is read and one
 * deeper is refused with fail2ban's message, checked against the real fail2ban-client; a 10,000
 * deep chain is refused the same way within seconds, never with a {@link StackOverflowError}.
 */
class Fail2banLimitsTest {
  @TempDir Path tmp;

  /** Runs in the forked JVM: loads the directory, or parses one file, and prints the outcome. */
  public static final class Probe {
    private Probe() {}

    public static void main(String[] args) {
      try {
        if (args[0].equals("dir")) {
          Fail2banConfig c = Fail2banConfig.load(Path.of(args[1]));
          System.out.println("ACCEPTED " + c.jailNames());
        } else {
          Path f = Path.of(args[1]);
          Fail2banIniDocument.parse(f.toString(), Files.readAllBytes(f));
          System.out.println("ACCEPTED");
        }
      } catch (Fail2banConfigException e) {
        System.out.println(
            "REFUSED Fail2banConfigException " + e.location().orElse("-") + " " + e.getMessage());
      } catch (Fail2banIniParseException e) {
        System.out.println("REFUSED Fail2banIniParseException " + e.getMessage());
      } catch (Throwable t) {
        System.out.println("CRASH " + t);
      }
    }
  }

  private Path confDir(String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("fail2ban.conf"), "[Definition]\nloglevel = INFO\n");
    return dir;
  }

  /** jail.conf including inc1.conf including ... inc{depth}.conf. */
  private Path includeChain(String name, int depth) throws IOException {
    Path dir = confDir(name);
    Files.writeString(
        dir.resolve("jail.conf"), "[INCLUDES]\nbefore = inc1.conf\n[DEFAULT]\nbantime = 1\n");
    for (int i = 1; i < depth; i++) {
      Files.writeString(
          dir.resolve("inc" + i + ".conf"),
          "[INCLUDES]\nbefore = inc" + (i + 1) + ".conf\n[DEFAULT]\nx" + i + " = " + i + "\n");
    }
    Files.writeString(dir.resolve("inc" + depth + ".conf"), "[DEFAULT]\nlast = 1\n");
    return dir;
  }

  @Test
  void aTenThousandDeepIncludeChainIsRefusedAsFail2banRefusesIt() throws IOException {
    Path dir = includeChain("deep", 10_000);
    ForkedJvm.Result r =
        ForkedJvm.run(Probe.class, "256m", Duration.ofSeconds(60), "dir", dir.toString());
    assertThat(r.stdout())
        .as(r.stderr())
        .startsWith("REFUSED Fail2banConfigException")
        .contains(ConfigSession.TOO_DEEP);
    assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  @RequiresRealTool(RealTool.FAIL2BAN_CLIENT)
  void theDeepestChainFail2banReadsIsReadAndOneMoreIsRefusedByBoth() throws IOException {
    for (int depth :
        new int[] {ConfigSession.MAX_INCLUDE_DEPTH, ConfigSession.MAX_INCLUDE_DEPTH + 1}) {
      Path dir = includeChain("chain" + depth, depth);
      CommandResult real =
          RealTools.run(
              Command.builder()
                  .args(
                      java.util.List.of(
                          RealTool.FAIL2BAN_CLIENT.require().toString(),
                          "-c",
                          dir.toString(),
                          "-d"))
                  .acceptAnyExitCode()
                  .build());
      boolean deeper = depth > ConfigSession.MAX_INCLUDE_DEPTH;
      assertThat(real.exitCode())
          .as("fail2ban-client at depth %s", depth)
          .isEqualTo(deeper ? 255 : 0);
      if (deeper) {
        assertThat(real.stderr()).contains(ConfigSession.TOO_DEEP);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fail2banConfig.load(dir))
            .isInstanceOf(Fail2banConfigException.class)
            .hasMessageContaining(ConfigSession.TOO_DEEP);
      } else {
        assertThat(Fail2banConfig.load(dir).jailNames()).isEmpty();
      }
    }
  }

  @Test
  void aJailLocalIncludingItselfIsReadOnceAsFail2banReadsIt() throws IOException {
    Path dir = confDir("self");
    Files.writeString(dir.resolve("jail.conf"), "[DEFAULT]\nbantime = 1\n[sshd]\nport = ssh\n");
    Files.writeString(
        dir.resolve("jail.local"), "[INCLUDES]\nbefore = jail.local\n[sshd]\nport = 2222\n");
    Fail2banConfig c = Fail2banConfig.load(dir);
    assertThat(c.jailNames()).containsExactly("sshd");
  }

  @Test
  void aHundredMegabyteJailLocalIsRefusedWithItsName() throws IOException {
    Path dir = confDir("big");
    Files.writeString(dir.resolve("jail.conf"), "[DEFAULT]\nbantime = 1\n");
    Path big = dir.resolve("jail.local");
    byte[] line = "# a comment line that fills the file up\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(big)) {
      byte[] chunk = new byte[line.length * 25_000];
      for (int i = 0; i < 25_000; i++) {
        System.arraycopy(line, 0, chunk, i * line.length, line.length);
      }
      for (long n = 0; n < 100_000_000L; n += chunk.length) {
        out.write(chunk);
      }
    }
    ForkedJvm.Result r =
        ForkedJvm.run(Probe.class, "256m", Duration.ofSeconds(60), "dir", dir.toString());
    assertThat(r.stdout())
        .as(r.stderr())
        .startsWith("REFUSED Fail2banConfigException")
        .contains(big + ":1 ")
        .contains("file too large: over 33554432 bytes");
    assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(20));
    ForkedJvm.Result file =
        ForkedJvm.run(Probe.class, "256m", Duration.ofSeconds(60), "file", big.toString());
    assertThat(file.stdout())
        .as(file.stderr())
        .startsWith("REFUSED Fail2banIniParseException")
        .contains(":1:1: file too large");
  }

  @Test
  void aMegabyteLineIsRefusedAtItsPosition() throws IOException {
    Path f = tmp.resolve("long.conf");
    Files.writeString(f, "[Definition]\nfailregex = " + "x".repeat(1 << 20) + "\n");
    ForkedJvm.Result r =
        ForkedJvm.run(Probe.class, "256m", Duration.ofSeconds(30), "file", f.toString());
    assertThat(r.stdout())
        .as(r.stderr())
        .startsWith("REFUSED Fail2banIniParseException")
        .contains(":2:65537: line too long");
  }
}
