package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandExecutor;
import dev.hostguard.testing.NetworkNamespace;
import dev.hostguard.testing.PrivateUfw;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real ufw, enabled, in a private network and mount namespace: the stock files of a {@link
 * PrivateUfw} ({@code IPV6=yes}, a private {@code /run}, the legacy iptables backend) under {@code
 * dir}.
 */
final class UfwTestHost implements AutoCloseable {
  final NetworkNamespace ns;
  final Path data;
  private final PrivateUfw ufw;

  UfwTestHost(Path dir) throws IOException {
    ufw = PrivateUfw.inNewNamespace(dir, true);
    ns = ufw.namespace();
    data = ufw.dataDir();
    try {
      ns.run("ufw", "--force", "enable");
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  CommandExecutor executor() {
    return ns.executor();
  }

  String run(String... argv) {
    return ns.executor().execute(Command.of(List.of(argv))).stdout();
  }

  String file(String rel) throws IOException {
    return Files.readString(data.resolve(rel), UTF_8);
  }

  @Override
  public void close() {
    ufw.close();
  }
}
