package dev.hostguard.fail2ban;

import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.fail2ban.gen.Fail2banGens;
import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated overlays over the stock configuration (interpolation of every kind, multi-line values,
 * comments, includes, {@code .local} over {@code .conf}, {@code jail.d} order, conditional
 * sections, broken files) resolved by us and by {@code fail2ban-client -d}.
 */
@RequiresRealTool({RealTool.FAIL2BAN_CLIENT})
class GeneratedOverlayDifferentialTest {
  @TempDir Path tmp;

  @Test
  void generatedOverlaysResolveLikeFail2ban() {
    int[] counter = {0};
    // 40 overlays from the fixed seed, 10 from a fresh one (printed): each one compared
    List<Long> seeds = Exploration.seeds("GeneratedOverlayDifferentialTest", 20261125L);
    Exploration.Floor compared =
        Exploration.floor(
            "overlays compared with fail2ban",
            seeds.stream().mapToInt(s -> s == 20261125L ? 40 : 10).sum());
    for (long seed : seeds) {
      qt().withFixedSeed(seed)
          .withExamples(seed == 20261125L ? 40 : 10)
          .withShrinkCycles(0)
          .forAll(Fail2banGens.overlays())
          .checkAssert(
              overlay -> {
                try {
                  Path root = Files.createDirectories(tmp.resolve("case" + counter[0]++));
                  Path conf = Fail2banOracle.stockCopy(root);
                  overlay.writeTo(conf, root.resolve("logs"));
                  Fail2banOracle.assertSameDump(conf, "seed " + seed + ": " + overlay);
                  compared.count();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    compared.verify();
  }
}
