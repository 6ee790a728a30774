package dev.hostguard.fail2ban;

import dev.hostguard.core.internal.PythonText;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code get_ex('Definition', option, vars)} of one filter or action file, as every jail using the
 * file asks it for tags missing from its options ({@code <HOST>}, {@code <known/...>}, {@code
 * <_ipt_...>}): the part of the answer the jail's vars cannot change is worked out once per file.
 * That is the {@code section/option} form (looked up without vars), and a plain value of the
 * section or {@code [DEFAULT]} without {@code %} (or none), which stands unless the jail's vars
 * hold the option. Anything else is asked of the store each time. A reader's store never changes
 * once read, so neither do these answers.
 */
final class DefinitionAnswers {
  private static final String SECTION = "Definition";

  /** What the store answers only with the jail's vars: a value to interpolate, or an error. */
  private static final Object WITH_VARS = new Object();

  /**
   * One option: the answer of its {@code section/option} form (or {@link ConfigStore#MISSING}), the
   * lower-case name the vars are keyed by, and the answer without vars (or {@link #WITH_VARS}).
   */
  private record Answer(@Nullable Object prefixed, String key, @Nullable Object plain) {}

  private final ConfigStore store;
  private final Map<String, Answer> answers = new HashMap<>();

  DefinitionAnswers(ConfigStore store) {
    this.store = store;
  }

  /** {@code store.getExOrMissing("Definition", option, vars)}. */
  @Nullable Object getExOrMissing(String option, ConfigStore.Vars vars) {
    Answer a = answers.get(option);
    if (a == null) {
      a = answer(option);
      answers.put(option, a);
    }
    if (a.prefixed() != ConfigStore.MISSING) {
      return a.prefixed();
    }
    if (a.plain() == WITH_VARS || vars.map.containsKey(a.key())) {
      return store.getExOrMissing(SECTION, option, vars);
    }
    return a.plain();
  }

  private Answer answer(String option) {
    Object prefixed = store.sectionOptionOrMissing(SECTION, option);
    String key = PythonText.lower(option);
    Map<String, Object> section = store.sections.get(SECTION);
    Object plain;
    if (section == null) {
      plain = WITH_VARS; // the store raises NO_SECTION
    } else {
      plain = section.getOrDefault(key, ConfigStore.MISSING);
      if (plain == ConfigStore.MISSING) {
        plain = store.defaults.getOrDefault(key, ConfigStore.MISSING);
      }
      if (plain != ConfigStore.MISSING
          && plain != null
          && (!(plain instanceof String) || ((String) plain).indexOf('%') >= 0)) {
        plain = WITH_VARS; // interpolated with the vars, or an error
      }
    }
    return new Answer(prefixed, key, plain);
  }
}
