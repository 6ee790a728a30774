package dev.hostguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target: any bytes parse, render back exactly, and strict parsing only ever throws ours.
 */
class LineDocumentFuzzTest {
  @FuzzTest
  void parseRendersBack(byte[] input) {
    LineDocument doc = LineDocument.parse("fuzz", input);
    assertThat(doc.toBytes()).isEqualTo(input);
    for (int i = 0; i < doc.size(); i++) {
      doc.position(i, doc.text(i).length());
    }
    try {
      LineDocument strict = LineDocument.parseUtf8("fuzz", input);
      assertThat(strict.render()).isEqualTo(doc.render());
    } catch (ParseException e) {
      assertThat(e.getMessage()).startsWith("fuzz:");
    }
  }
}
