package dev.hostguard.ufw.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code StatusParser} reuses one {@link StatusEntry.Builder} for every entry and sets each of
 * these attributes each time; an attribute added to {@link StatusEntry} must be set there too, or
 * one entry's value would carry over to the next.
 */
class StatusEntryAttributesTest {

  @Test
  void theParserSetsEveryAttributeOfAnEntry() {
    Set<String> attributes = new TreeSet<>();
    for (Method m : StatusEntry.class.getMethods()) {
      String n = m.getName();
      // every attribute of an Immutables value has its withX copy method
      if (n.startsWith("with") && n.length() > 4) {
        attributes.add(Character.toLowerCase(n.charAt(4)) + n.substring(5));
      }
    }
    assertThat(attributes)
        .as("StatusParser.parseEntry sets exactly these on its shared builder")
        .isEqualTo(
            new TreeSet<>(
                Set.of("to", "action", "route", "direction", "from", "logType", "comment")));
  }
}
