package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.RoundTripAssertions;
import dev.hostguard.ufw.gen.AppProfileGens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws on application profile files and the services table that test more than the stored lines:
 * profiles written as a file read back as those profiles; replacing or removing one profile changes
 * exactly its section's lines; a built services table reads back as its entries.
 */
class AppProfileLawsTest {
  private static final ServicesDatabase SERVICES =
      ServicesDatabase.builder().add("ssh", 22, "tcp").add("http", 80, "tcp", "www").build();

  private static Gen<List<AppProfile>> threeProfiles() {
    Gen<AppProfile> p = AppProfileGens.profiles();
    return in -> List.of(p.generate(in), p.generate(in), p.generate(in));
  }

  /** The profiles ufw accepts, first of each name, or skip (counted by the caller). */
  private static List<AppProfile> accepted(List<AppProfile> drawn) {
    List<AppProfile> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (AppProfile p : drawn) {
      if (names.contains(p.name()) || AppProfiles.refusal(p, SERVICES).isPresent()) {
        continue;
      }
      try {
        AppProfileFile.of("one", List.of(p), SERVICES); // a value lines cannot hold is refused
      } catch (UfwRefusedException unwritable) {
        continue;
      }
      names.add(p.name());
      out.add(p);
    }
    return out;
  }

  /** A file of these profiles with a comment line before some headers. */
  private static String fileText(List<AppProfile> profiles, long noise) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < profiles.size(); i++) {
      String section = AppProfileFile.of("one", List.of(profiles.get(i)), SERVICES).render();
      if (((noise >> (i % 60)) & 1) == 1) {
        sb.append("# profile ").append(i).append('\n');
      }
      sb.append(section).append(section.endsWith("\n") ? "" : "\n").append('\n');
    }
    return sb.toString();
  }

  @Test
  void profilesWrittenAsAFileReadBackAsThoseProfiles() {
    for (long seed : Exploration.seeds("AppProfileLaws.write", 43L)) {
      Exploration.Floor checked =
          Exploration.floor("profile files seed " + seed, Exploration.examples() / 2);
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(
              AppProfileGens.profiles(),
              AppProfileGens.profiles(),
              AppProfileGens.profiles(),
              Generate.longRange(0, Long.MAX_VALUE))
          .checkAssert(
              (a, b, c, noise) -> {
                List<AppProfile> profiles = accepted(List.of(a, b, c));
                if (profiles.isEmpty()) {
                  return;
                }
                checked.count();
                AppProfileFile built = AppProfileFile.of("app", profiles, SERVICES);
                assertThat(AppProfileFile.parse("app", built.render()).profiles())
                    .isEqualTo(profiles);
                String text = fileText(profiles, noise);
                assertThat(AppProfileFile.parse("app", text).profiles()).isEqualTo(profiles);
                // ufw's loader sees the same profiles, with no warning
                AppProfiles loaded = AppProfiles.fromFiles(java.util.Map.of("app", text), SERVICES);
                assertThat(loaded.warnings()).isEmpty();
                assertThat(new TreeSet<>(loaded.byName().keySet()))
                    .isEqualTo(new TreeSet<>(profiles.stream().map(AppProfile::name).toList()));
              });
      checked.verify();
    }
  }

  @Test
  void replacingOrRemovingAProfileChangesExactlyItsSection() {
    for (long seed : Exploration.seeds("AppProfileLaws.edit", 47L)) {
      Exploration.Floor checked =
          Exploration.floor("profile edits seed " + seed, Exploration.examples() / 4);
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(threeProfiles(), AppProfileGens.profiles(), Generate.longRange(0, Long.MAX_VALUE))
          .checkAssert(
              (drawn, replacement, noise) -> {
                List<AppProfile> profiles = accepted(drawn);
                if (profiles.isEmpty() || accepted(List.of(replacement)).isEmpty()) {
                  return;
                }
                checked.count();
                String text = fileText(profiles, noise);
                AppProfileFile doc = AppProfileFile.parse("app", text);
                int victim = (int) (noise % profiles.size());
                AppProfile old = profiles.get(victim);
                AppProfile changed = new AppProfile(old.name(), replacement.fields());
                List<String> lines = linesOf(text);
                int header = lines.indexOf("[" + old.name() + "]\n");
                int oldLen = sectionLength(old);
                int newLen = sectionLength(changed);

                AppProfileFile edited = doc.withProfile(changed, SERVICES);
                List<AppProfile> expected = new ArrayList<>(profiles);
                expected.set(victim, changed);
                assertThat(AppProfileFile.parse("app", edited.render()).profiles())
                    .isEqualTo(expected);
                // exactly the section's lines changed: the lines before and after it are kept
                List<String> after = linesOf(edited.render());
                assertThat(after.subList(0, header)).isEqualTo(lines.subList(0, header));
                assertThat(after.subList(header + newLen, after.size()))
                    .isEqualTo(lines.subList(header + oldLen, lines.size()));
                assertThat(
                        after.subList(header, header + newLen).stream()
                            .map(l -> l.replaceAll("\r?\n$", ""))
                            .toList())
                    .isEqualTo(
                        AppProfileFile.of("one", List.of(changed), SERVICES)
                            .document()
                            .lines()
                            .stream()
                            .map(dev.hostguard.core.Line::text)
                            .toList());

                // removing: its section and the blank line after it (and, for the last section,
                // the blank line before it)
                AppProfileFile removed = doc.withoutProfile(old.name());
                List<AppProfile> rest = new ArrayList<>(profiles);
                rest.remove(victim);
                assertThat(AppProfileFile.parse("app", removed.render()).profiles())
                    .isEqualTo(rest);
                Set<Integer> gone = new TreeSet<>();
                for (int i = 0; i < oldLen; i++) {
                  gone.add(header + i);
                }
                gone.add(header + oldLen); // every section is followed by one blank line here
                if (header + oldLen + 1 == lines.size()
                    && header > 0
                    && lines.get(header - 1).isBlank()) {
                  gone.add(header - 1); // the last section takes the blank line before it too
                }
                RoundTripAssertions.assertOnlyLinesRemoved(text, removed.render(), gone);
              });
      checked.verify();
    }
  }

  /** The lines of a text, each with its line break. */
  private static List<String> linesOf(String text) {
    List<String> out = new ArrayList<>();
    dev.hostguard.core.LineDocument.parse("t", text).lines().forEach(l -> out.add(l.render()));
    return out;
  }

  private static int sectionLength(AppProfile p) {
    return AppProfileFile.of("one", List.of(p), SERVICES).document().size();
  }

  @Test
  void aBuiltServicesTableReadsBackAsItsEntries() {
    for (long seed : Exploration.seeds("AppProfileLaws.services", 53L)) {
      Exploration.Floor checked =
          Exploration.floor("services tables seed " + seed, Exploration.examples() / 2);
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(
              AppProfileGens.serviceEntries(),
              AppProfileGens.serviceEntries(),
              AppProfileGens.serviceEntries())
          .checkAssert(
              (a, b, c) -> {
                ServicesDatabase.Builder builder = ServicesDatabase.builder();
                try {
                  for (AppProfileGens.ServiceEntry e : List.of(a, b, c)) {
                    builder.add(
                        e.name(), e.port(), e.protocol(), e.aliases().toArray(String[]::new));
                  }
                } catch (UfwRefusedException refused) {
                  return;
                }
                checked.count();
                ServicesDatabase built = builder.build();
                ServicesDatabase back = ServicesDatabase.parse("services", built.render());
                assertThat(back.entries()).isEqualTo(built.entries());
                assertThat(back.entries()).hasSize(3);
                for (AppProfileGens.ServiceEntry e : List.of(a, b, c)) {
                  assertThat(back.has(e.name(), e.protocol().toLowerCase(java.util.Locale.ROOT)))
                      .isTrue();
                }
              });
      checked.verify();
    }
  }
}
