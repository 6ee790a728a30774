package dev.hostguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UfwStatusCliTest {
  private final InputStream stdin = System.in;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void restoreStdin() {
    System.setIn(stdin);
  }

  private int run(String input, String... args) {
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    return HostguardCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  static final String NUMBERED =
      "Status: active\n\n"
          + "     To                         Action      From\n"
          + "     --                         ------      ----\n"
          + "[ 1] 22/tcp                     LIMIT IN    Anywhere                   # café\n"
          + "[ 2] 10.0.0.0/8 80/tcp on eth1  ALLOW FWD   Anywhere on eth0          \n"
          + "[ 3] Mail submission (v6)       ALLOW OUT   Anywhere (v6)              (log, out)\n\n";

  @Test
  void reRendersStdinByteForByte() {
    assertThat(run(NUMBERED, "ufw-status")).isZero();
    assertThat(out()).isEqualTo(NUMBERED);
    assertThat(err()).isEmpty();
  }

  @Test
  void jsonShape() {
    assertThat(run(NUMBERED, "ufw-status", "--json")).isZero();
    String json = out();
    assertThat(json)
        .startsWith("{\"kind\":\"status\",\"form\":\"numbered\",\"active\":true,\"header\":null,")
        .contains(
            "{\"number\":1,\"to\":{\"text\":\"22/tcp\",\"anywhere\":false,\"address\":null,"
                + "\"port\":\"22\",\"protocol\":\"tcp\",\"app\":null,\"v6\":false,\"interface\":null},"
                + "\"action\":\"limit\",\"direction\":\"in\"")
        .contains("\"comment\":\"café\"")
        .contains("\"route\":true,\"v6\":false,\"interfaceIn\":\"eth0\",\"interfaceOut\":\"eth1\"")
        .contains("\"app\":\"Mail submission\"")
        .contains("\"log\":\"log\",\"outAttribute\":true")
        .endsWith("]}\n");
    assertThat(
            run(
                "Added user rules (see 'ufw status' for running firewall):\nufw allow 22\n",
                "ufw-status",
                "--json"))
        .isZero();
    assertThat(out()).endsWith("{\"kind\":\"added\",\"commands\":[\"allow 22\"]}\n");
  }

  @Test
  void unparseableInputExits2WithPosition() {
    assertThat(run("Status: active\n\nTo\n", "ufw-status")).isEqualTo(2);
    assertThat(err()).startsWith("<stdin>:3:3: expected 'To ");
    assertThat(out()).isEmpty();
  }

  @Test
  void roundtripFormats(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("before.rules");
    String text =
        "# c\n*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j LOG --log-prefix \"[X] \"\nCOMMIT\n";
    Files.writeString(rules, text);
    assertThat(run("", "roundtrip", "--format", "iptables-restore", rules.toString())).isZero();
    assertThat(out()).isEqualTo(text);

    Path bad = dir.resolve("bad.rules");
    Files.writeString(bad, "*filter\n-A INPUT -j ACCEPT # x\nCOMMIT\n");
    out.reset();
    assertThat(run("", "roundtrip", "--format", "iptables-restore", bad.toString())).isEqualTo(2);
    assertThat(err()).isEqualTo(bad + ":2:20: Bad argument `#'\n");

    Path conf = dir.resolve("ufw.conf");
    Files.writeString(conf, "# x\nENABLED=no\nLOGLEVEL=low\n");
    out.reset();
    assertThat(run("", "roundtrip", "--format", "ufw-conf", conf.toString())).isZero();
    assertThat(out()).isEqualTo("# x\nENABLED=no\nLOGLEVEL=low\n");

    Path defaults = dir.resolve("ufw");
    Files.writeString(
        defaults,
        "DEFAULT_INPUT_POLICY=\"DROP\"\nDEFAULT_OUTPUT_POLICY=\"ACCEPT\"\nDEFAULT_FORWARD_POLICY=\"x\"\n");
    err.reset();
    assertThat(run("", "roundtrip", "--format", "ufw-defaults", defaults.toString())).isEqualTo(2);
    assertThat(err()).isEqualTo(defaults + ":3:24: Invalid policy 'x' for 'forward'\n");
  }
}
