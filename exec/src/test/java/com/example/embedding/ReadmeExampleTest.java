package com.example.embedding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's "Embedding the executor" code blocks are these compiled test classes, from their
 * {@code // README:} marker line to the end, so the README cannot drift from code that compiles and
 * passes {@link EmbeddingSpiTest}.
 */
class ReadmeExampleTest {
  @ParameterizedTest
  @ValueSource(strings = {"TempFileExecutor.java", "LoggingExecutor.java"})
  void readmeShowsTheCompiledExample(String file) throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/com/example/embedding").resolve(file), UTF_8);
    int marker = source.indexOf("// README:");
    assertThat(marker).as("marker in " + file).isNotNegative();
    String block = source.substring(source.indexOf('\n', marker) + 1);
    String readme = Files.readString(Path.of("../README.md"), UTF_8);
    assertThat(readme).contains("```java\n" + block + "```\n");
  }
}
