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

    @Value.Default
    int maxRetry() {
      return 5;
    }

    @Value.Default
    boolean enabled() {
      return false;
    }

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

  /** Defaults are set in the constructor, with no volatile initialisation shim per instance. */
  @Test
  void defaultsArePlainFinalFields() {
    SampleSection s = SampleSection.builder().name("sshd").enabled(true).build();
    assertThat(s.maxRetry()).isEqualTo(5);
    assertThat(s.enabled()).isTrue();
    assertThat(s.withMaxRetry(3).maxRetry()).isEqualTo(3);
    assertThat(SampleSection.class.getDeclaredClasses())
        .extracting(Class::getSimpleName)
        .doesNotContain("InitShim");
    assertThat(SampleSection.class.getDeclaredFields())
        .noneMatch(f -> java.lang.reflect.Modifier.isVolatile(f.getModifiers()));
  }
}
