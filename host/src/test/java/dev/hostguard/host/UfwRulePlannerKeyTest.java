package dev.hostguard.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hostguard.ufw.UfwRule;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The planner matches rules as ufw does, on every field but action, log type and comment; its key
 * lists those fields by hand, so a field added to {@link UfwRule} must be added to it too (or the
 * planner would take two different rules for one).
 */
class UfwRulePlannerKeyTest {

  private static final Set<String> NOT_COMPARED = Set.of("action", "logType", "comment");

  @Test
  void keyHoldsEveryRuleFieldButActionLogTypeAndComment() {
    Class<?> key =
        Arrays.stream(UfwRulePlanner.class.getDeclaredClasses())
            .filter(c -> c.getSimpleName().equals("Key"))
            .findFirst()
            .orElseThrow();
    Set<String> components = new TreeSet<>();
    for (RecordComponent c : key.getRecordComponents()) {
      components.add(c.getName());
    }
    // every attribute of an Immutables value has its withX copy method
    Set<String> attributes = new TreeSet<>();
    for (Method m : UfwRule.class.getMethods()) {
      String n = m.getName();
      if (n.startsWith("with") && n.length() > 4) {
        attributes.add(Character.toLowerCase(n.charAt(4)) + n.substring(5));
      }
    }
    assertThat(attributes).containsAll(NOT_COMPARED).hasSizeGreaterThan(10);
    Set<String> expected = new TreeSet<>(attributes);
    expected.removeAll(NOT_COMPARED);
    assertThat(components).isEqualTo(expected);
  }
}
