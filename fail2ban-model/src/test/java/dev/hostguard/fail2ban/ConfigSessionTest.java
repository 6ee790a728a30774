package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsed files are shared between resolutions only while their bytes stay the same. */
class ConfigSessionTest {
  @TempDir Path conf;

  private void write(String name, String text) throws IOException {
    Path p = conf.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void aFileChangedBetweenTwoResolutionsIsReadAgainEvenWithTheSameSizeAndTime() throws IOException {
    write("fail2ban.conf", "[Definition]\nloglevel = INFO\n");
    write("jail.conf", "[j]\nenabled = true\nfilter = f\naction =\nlogpath = " + conf + "/x.log\n");
    write("x.log", "");
    write("filter.d/f.conf", "[Definition]\nfailregex = AAAA <HOST>\n");
    Path filter = conf.resolve("filter.d/f.conf");
    FileTime time = Files.getLastModifiedTime(filter);

    String first = Fail2banDump.load(conf).stdout();
    assertThat(first).contains("'AAAA <HOST>'").doesNotContain("BBBB");
    assertThat(Fail2banDump.load(conf).stdout()).isEqualTo(first);

    write("filter.d/f.conf", "[Definition]\nfailregex = BBBB <HOST>\n");
    Files.setLastModifiedTime(filter, time);
    String second = Fail2banDump.load(conf).stdout();
    assertThat(second).contains("'BBBB <HOST>'").doesNotContain("AAAA");
    assertThat(second).isEqualTo(first.replace("AAAA", "BBBB"));

    Files.delete(filter);
    assertThat(Fail2banDump.load(conf).stdout()).doesNotContain("AAAA").doesNotContain("BBBB");
  }

  private static FileView memory(byte[] tConf) {
    return new MemoryFiles("/nowhere", java.util.Map.of("/nowhere/t.conf", tConf));
  }

  @Test
  void theSameBytesUnderAnotherSourceGiveTheSameParse() {
    byte[] a = "[Definition]\nx = 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] b = "[Definition]\nx = 2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[][] current = {a};
    ConfigSession s1 = new ConfigSession("/nowhere", memory(current[0]));
    IniParser.Result r1 = s1.parseFile("/nowhere/t.conf").orElseThrow();
    assertThat(r1.sections.get("Definition")).containsEntry("x", "1");
    current[0] = b;
    ConfigSession s2 = new ConfigSession("/nowhere", memory(current[0]));
    assertThat(s2.parseFile("/nowhere/t.conf").orElseThrow().sections.get("Definition"))
        .containsEntry("x", "2");
    current[0] = a.clone();
    ConfigSession s3 = new ConfigSession("/nowhere", memory(current[0]));
    assertThat(s3.parseFile("/nowhere/t.conf").orElseThrow().sections.get("Definition"))
        .containsEntry("x", "1");
  }

  @Test
  void parsedFilesCannotBeChanged() {
    IniParser.Result r = IniParser.parse("t.conf", "[DEFAULT]\na = 1\n[s]\nb = 2\n");
    assertThatThrownBy(() -> r.defaults.put("a", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.sections.get("s").put("b", "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.sections.remove("s"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.options.clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
