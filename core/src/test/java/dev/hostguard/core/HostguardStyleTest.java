package dev.hostguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;
import org.junit.jupiter.api.Test;

/** The project style generates what its javadoc promises: builder, copy, ordered lists, checks. */
class HostguardStyleTest {

  @Value.Immutable
  @HostguardStyle
  abstract static class AbstractSampleSection {
    abstract String name();

    abstract ImmutableList<String> keys();

    @Value.Check
    void check() {
      if (name().isEmpty()) {
        throw new IllegalArgumentException("empty section name");
      }
    }
  }

  @Test
  void generatesAnImmutableValueWithBuilderAndCopies() {
    SampleSection s = SampleSection.builder().name("sshd").addKeys("port", "enabled").build();
    assertThat(s.keys()).containsExactly("port", "enabled");
    SampleSection renamed = s.withName("recidive");
    assertThat(renamed.name()).isEqualTo("recidive");
    assertThat(s.name()).isEqualTo("sshd");
    assertThat(SampleSection.builder().from(s).build()).isEqualTo(s);
    assertThatThrownBy(() -> SampleSection.builder().name("").build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
