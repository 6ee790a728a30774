package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.core.LineDocument;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import dev.hostguard.ufw.conf.UfwShellFile;
import dev.hostguard.ufw.iptables.IptablesRestoreDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file the ufw package installs under {@code /etc/ufw} and {@code /usr/share/ufw/iptables},
 * read at test time, goes through the model for its kind and comes back byte for byte: rules files
 * as iptables-restore documents (and {@code user*.rules} as user rules), {@code ufw.conf} and
 * {@code sysctl.conf} as shell-variable files, profiles as application profiles, and the {@code
 * *.init} shell scripts as lossless line documents.
 */
@RequiresRealTool(RealTool.UFW)
class ShippedFilesRoundTripTest {

  @Test
  void everyShippedFileRoundTrips() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String root : new String[] {"/etc/ufw", "/usr/share/ufw/iptables"}) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(15);
    List<String> kinds = new ArrayList<>();
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      String name = f.getFileName().toString();
      String source = f.toString();
      byte[] back;
      if (f.getParent().getFileName().toString().equals("applications.d")) {
        back = AppProfileFile.parse(source, bytes).toBytes();
        kinds.add("app-profile");
      } else if (name.startsWith("user") && name.endsWith(".rules")) {
        back = UserRulesFile.parse(source, bytes).toBytes();
        assertThat(IptablesRestoreDocument.parse(source, bytes).toBytes()).isEqualTo(bytes);
        kinds.add("user-rules");
      } else if (name.endsWith(".rules")) {
        back = IptablesRestoreDocument.parse(source, bytes).toBytes();
        kinds.add("iptables-restore");
      } else if (name.endsWith(".conf")) {
        back = UfwShellFile.parse(source, bytes).toBytes();
        kinds.add("shell-file");
      } else {
        back = LineDocument.parse(source, bytes).toBytes();
        kinds.add("lines");
      }
      assertThat(back).as(source).isEqualTo(bytes);
    }
    assertThat(kinds).contains("app-profile", "user-rules", "iptables-restore", "shell-file");
  }
}
