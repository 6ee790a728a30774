package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.testing.RoundTripAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every configuration file of the installed {@code /etc/fail2ban} parses and round-trips byte for
 * byte.
 */
class StockFilesRoundTripTest {
  @TestFactory
  Stream<DynamicTest> everyInstalledConfigFileRoundTrips() throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(Fail2banOracle.STOCK) || dev.hostguard.testing.RealTools.isCi(),
        "fail2ban is not installed");
    List<Path> files;
    try (Stream<Path> s = Files.walk(Fail2banOracle.STOCK)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".conf") || p.toString().endsWith(".local"))
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(files).hasSizeGreaterThan(100);
    return files.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    Fail2banOracle.STOCK.relativize(p).toString(),
                    () -> {
                      byte[] bytes = Files.readAllBytes(p);
                      Fail2banIniDocument doc = Fail2banIniDocument.parse(p.toString(), bytes);
                      assertThat(doc.toBytes()).isEqualTo(bytes);
                      RoundTripAssertions.assertLossless(
                          new String(bytes, StandardCharsets.UTF_8),
                          t -> Fail2banIniDocument.parse("x", t),
                          Fail2banIniDocument::render);
                    }));
  }
}
