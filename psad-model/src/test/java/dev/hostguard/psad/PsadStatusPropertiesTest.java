package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** Laws of built {@link PsadStatus} values: what {@code render()} writes parses back equal. */
class PsadStatusPropertiesTest {
  private static final Gen<String> WORD =
      SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12);
  private static final Gen<String> TEXT =
      Generate.pick(List.of("SCAN FIN", "BAD-TRAFFIC same SRC/DST", "ICMP PING", "x", "a b  c"));
  private static final Gen<Long> COUNT = SourceDSL.longs().between(0, 1_000_000_000L);

  private static final Gen<PsadDaemonStatus> DAEMON =
      Generate.pick(List.of("psad", "psadwatchd", "kmsgsd", "psad_fw_read"))
          .zip(
              SourceDSL.longs().between(1, 4_194_304),
              SourceDSL.booleans().all(),
              SourceDSL.booleans().all(),
              (name, pid, ps, since) ->
                  new PsadDaemonStatus(
                      name,
                      pid,
                      ps ? Optional.of("0.2") : Optional.empty(),
                      ps ? Optional.of("2.7") : Optional.empty(),
                      since ? Optional.of("Sat Feb 16 01:03:09 2019") : Optional.empty()));

  private static final Gen<PsadAttacker> ATTACKER =
      Generate.pick(List.of("203.0.113.5", "198.51.100.77", "2001:db8::1", "192.0.2.250"))
          .zip(
              SourceDSL.integers().between(1, 5),
              COUNT,
              COUNT,
              (address, dl, packets, sigs) ->
                  new PsadAttacker(address, dl, packets, sigs, packets % 2 == 0));

  private static final Gen<PsadScannedPort> PORT =
      Generate.pick(List.of("tcp", "udp"))
          .zip(
              SourceDSL.integers().between(0, 65535),
              COUNT,
              (protocol, port, packets) -> new PsadScannedPort(protocol, port, packets));

  private static final Gen<PsadSignatureCount> SIGNATURE =
      TEXT.zip(
          Generate.pick(List.of("tcp", "udp", "icmp")),
          COUNT,
          SourceDSL.longs().between(1, 9_999_999),
          (message, protocol, count, sid) ->
              new PsadSignatureCount(message, protocol, count, count % 7, sid));

  private static <T> Gen<List<T>> listOf(Gen<T> items) {
    return SourceDSL.lists().of(items).ofSizeBetween(0, 4);
  }

  private static <T> Gen<Optional<T>> maybe(Gen<T> value) {
    return value.zip(
        SourceDSL.booleans().all(), (v, present) -> present ? Optional.of(v) : Optional.empty());
  }

  private static final Gen<PsadStatus> STATUS =
      listOf(DAEMON)
          .zip(
              listOf(ATTACKER),
              listOf(PORT),
              listOf(SIGNATURE),
              (daemons, attackers, ports, signatures) ->
                  PsadStatus.builder()
                      .addAllDaemons(daemons)
                      .addAllTopAttackers(attackers)
                      .addAllTopScannedPorts(ports)
                      .addAllTopSignatures(signatures))
          .zip(
              maybe(WORD),
              maybe(WORD),
              maybe(WORD),
              (b, version, email, arguments) ->
                  b.version(version).alertEmailAddresses(email).commandLineArguments(arguments))
          .zip(
              listOf(WORD),
              COUNT,
              maybe(WORD),
              (b, words, total, results) -> {
                List<String> prefixes = words.stream().distinct().toList();
                prefixes.forEach(p -> b.putLogPrefixCounters("LOG " + p, (long) p.length()));
                prefixes.forEach(p -> b.putProtocolCounters(p, total));
                b.addAllAutoBlockedIps(prefixes.stream().map(p -> p + ".example").toList());
                results.ifPresent(r -> b.resultsFile(Path.of("/var/log/psad", r)));
                for (String p : prefixes) {
                  b.putMissingPidFiles(p, Path.of("/var/run/psad/" + p + ".pid"));
                }
                b.addAllNotRunning(prefixes);
                return b.totalScanSources(total % 10).totalScanDestinations(total % 3).build();
              });

  @Test
  void aBuiltStatusParsesBackFromItsText() {
    qt().withFixedSeed(11L)
        .withExamples(300)
        .forAll(STATUS)
        .checkAssert(
            s -> {
              String text = s.render();
              PsadStatus back = PsadStatus.parse("s", text);
              assertThat(back).isEqualTo(s);
              assertThat(back.render()).isEqualTo(text);
            });
  }

  @Test
  void anEditedParsedStatusParsesBackAsEdited() {
    qt().withFixedSeed(12L)
        .withExamples(100)
        .forAll(STATUS, listOf(ATTACKER))
        .checkAssert(
            (s, attackers) -> {
              PsadStatus parsed = PsadStatus.parse("s", s.render());
              PsadStatus edited = parsed.withTopAttackers(attackers);
              assertThat(PsadStatus.parse("s", edited.render())).isEqualTo(edited);
            });
  }
}
