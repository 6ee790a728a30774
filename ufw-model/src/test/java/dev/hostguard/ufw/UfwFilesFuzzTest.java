package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hostguard.core.ParseException;

/**
 * Jazzer targets for ufw's two file formats: any bytes either parse losslessly (and the typed view
 * survives a rewrite) or are refused with a {@link ParseException} carrying a position.
 */
class UfwFilesFuzzTest {
  private static final ServicesDatabase SERVICES =
      ServicesDatabase.builder().add("ssh", 22, "tcp").add("http", 80, "tcp").build();

  /** {@code applications.d} files: lossless, and the profiles written back read the same. */
  @FuzzTest
  void appProfiles(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    AppProfileFile file;
    try {
      file = AppProfileFile.parse("<fuzz>", bytes);
    } catch (ParseException e) {
      assertThat(e.position().line()).isPositive();
      return;
    }
    assertThat(file.toBytes()).isEqualTo(bytes);
    // every profile ufw would load (verify_profile and get_profiles' skipping rules: a name with
    // a control character is skipped, though verify_profile alone passes it)
    if (file.profiles().stream().allMatch(p -> AppProfiles.refusal(p, SERVICES).isEmpty())) {
      AppProfileFile again =
          AppProfileFile.parse(
              "<fuzz>", AppProfileFile.of("x", file.profiles(), SERVICES).render());
      assertThat(again.profiles()).isEqualTo(file.profiles());
    }
  }

  /**
   * {@code user.rules} / {@code user6.rules}: lossless, and the rules written back read the same.
   */
  @FuzzTest
  void userRules(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    UserRulesFile file;
    try {
      file = UserRulesFile.parse("<fuzz>", bytes);
    } catch (ParseException e) {
      assertThat(e.position().line()).isPositive();
      return;
    }
    assertThat(file.toBytes()).isEqualTo(bytes);
    for (UfwRule r : file.rules()) {
      UserRulesFile.tupleLine(r);
      UfwRuleFormat.command(r);
    }
  }
}
