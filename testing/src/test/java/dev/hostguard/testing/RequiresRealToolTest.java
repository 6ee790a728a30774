package dev.hostguard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** A test needing a missing tool is skipped loudly, or fails when CI=true. */
class RequiresRealToolTest {
  private String saved;

  @BeforeEach
  void hideEveryTool() {
    saved = System.getProperty(RealTool.SEARCH_PATH_PROPERTY);
    System.setProperty(RealTool.SEARCH_PATH_PROPERTY, "/nonexistent-hostguard-dir");
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(RealTool.SEARCH_PATH_PROPERTY);
    } else {
      System.setProperty(RealTool.SEARCH_PATH_PROPERTY, saved);
    }
  }

  @Test
  void missingToolSkipsOrFailsUnderCi() {
    assertThat(RealTool.UFW.find()).isEmpty();
    Events tests =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(NeedsUfw.class))
            .execute()
            .testEvents();
    if (RealTools.isCi()) {
      tests.assertStatistics(s -> s.failed(1).aborted(0).succeeded(0));
    } else {
      tests.assertStatistics(s -> s.aborted(1).failed(0).succeeded(0));
    }
  }

  @Test
  void requireNamesTheAptPackage() {
    try {
      RealTool.FAIL2BAN_CLIENT.require();
      throw new AssertionError("expected the tool to be missing");
    } catch (IllegalStateException e) {
      assertThat(e).hasMessageContaining("apt-get install fail2ban");
    }
  }

  /** Run only through the engine test kit above. */
  static class NeedsUfw {
    @Test
    @RequiresRealTool(RealTool.UFW)
    void usesUfw() {
      throw new AssertionError("must not run without ufw");
    }
  }
}
