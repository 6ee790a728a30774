package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ufw resolves service names with {@code ufw.util.get_services_proto} ({@code
 * socket.getservbyname}, glibc's files parser: lines end at LF only, and fields are separated by C
 * {@code isspace}, so a CR, VT or FF separates them as a blank does). Each services file is
 * bind-mounted over {@code /etc/services} in a private mount namespace ({@code unshare -m}), where
 * ufw's own function answers for every name; {@link ServicesDatabase} must agree: N = 7 files.
 */
@RequiresRealTool({RealTool.UFW})
class ServicesWhitespaceDifferentialTest {
  @TempDir Path tmp;

  static final String[] FILES = {
    // a lone CR: the next word is an alias, not a new line
    "foo 4321/tcp\rbar\nbaz 4322/udp\n",
    // CRLF lines
    "foo 4321/tcp\r\nfoo 4321/udp\r\nbaz 4322/udp\r\n",
    // a VT and an FF between fields
    "foo\u000b4321/tcp\nbaz\f4322/udp qux\n",
    // a CR right after the protocol, then an alias
    "foo 4321/udp\r bar\nfoo 4321/tcp\n",
    // leading CR and VT are skipped
    "\r\u000bfoo 4321/tcp\n \fbaz 4322/udp\n",
    // a CR between name and port
    "foo\r4321/tcp\nbar\r\r4322/udp\n",
    // a comment after a CR
    "foo 4321/tcp\r# bar 1/tcp\nbaz 4322/udp#qux\n",
  };

  static final List<String> NAMES = List.of("foo", "bar", "baz", "qux");

  private static final String SCRIPT =
      "import ctypes, sys\n"
          + "libc = ctypes.CDLL(None, use_errno=True)\n"
          + "if libc.mount(sys.argv[1].encode(), b'/etc/services', None, 4096, None) != 0:\n"
          + "    sys.exit('mount failed: %d' % ctypes.get_errno())\n"
          + "import socket, ufw.util\n"
          + "for n in sys.argv[2:]:\n"
          + "    try:\n"
          + "        print('%s %s %d' % (ascii(n), ufw.util.get_services_proto(n),"
          + " socket.getservbyname(n)))\n"
          + "    except Exception:\n"
          + "        print('%s none' % ascii(n))\n";

  @Test
  void fieldsSplitAsGlibcSplitsThem() throws IOException {
    int found = 0;
    for (int n = 0; n < FILES.length; n++) {
      Path f = tmp.resolve("services" + n);
      Files.write(f, FILES[n].getBytes(StandardCharsets.UTF_8));
      List<String> argv = new ArrayList<>(List.of("unshare", "-m", "/usr/bin/python3", "-c"));
      argv.add(SCRIPT);
      argv.add(f.toString());
      argv.addAll(NAMES);
      CommandResult r = RealTools.run(Command.builder().argv(argv).build());
      assertThat(r.exitCode()).as(r.stderr()).isZero();
      ServicesDatabase ours = ServicesDatabase.parse("services", FILES[n]);
      List<String> expected = List.of(r.stdout().split("\n"));
      List<String> actual = new ArrayList<>();
      for (String name : NAMES) {
        String q = "'" + name + "'";
        actual.add(
            ours.protocol(name)
                .map(p -> q + " " + p + " " + ours.port(name).orElseThrow())
                .orElse(q + " none"));
      }
      String what = "file " + n + ": " + FILES[n].replace("\r", "<CR>").replace("\n", "<LF>");
      assertThat(actual).as(what).isEqualTo(expected);
      assertThat(ours.render()).as(what).isEqualTo(FILES[n]);
      found += (int) expected.stream().filter(l -> !l.endsWith(" none")).count();
    }
    System.out.printf(
        "ServicesWhitespaceDifferentialTest: N = %d files, %d names found by glibc%n",
        FILES.length, found);
    assertThat(found).isGreaterThanOrEqualTo(FILES.length * 2);
  }
}
