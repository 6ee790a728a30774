package dev.hostguard.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/fleet.md} shows the committed playbook and example inventory ({@code
 * docs/fleet/harden.yml}, {@code docs/fleet/inventory.yml}) as they are, byte for byte: the file
 * {@link FleetPlaybookRealToolsTest} runs is the one the page shows.
 */
class FleetDocTest {
  private static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();

  @Test
  void thePageShowsTheCommittedFilesAsTheyAre() throws IOException {
    String page = Files.readString(DOCS.resolve("fleet.md"), UTF_8);
    for (String file : new String[] {"harden.yml", "inventory.yml"}) {
      String text = Files.readString(DOCS.resolve("fleet").resolve(file), UTF_8);
      assertThat(text).endsWith("\n");
      assertThat(page)
          .as("docs/fleet.md shows docs/fleet/" + file)
          .containsOnlyOnce("```yaml\n" + text + "```\n");
    }
  }
}
