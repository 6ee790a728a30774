package dev.hostguard.fail2ban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot answers a path whose directory lists without it as missing, without asking the disk
 * about it: every answer must still be the disk's own, asked path by path ({@link FileView#DISK}),
 * for the paths where a listing could mislead (links, a file as a directory, {@code ..}, double and
 * trailing slashes, non-ASCII names, a directory that cannot be listed). N = 38 paths, each asked
 * through a fresh snapshot, then all through one snapshot in two orders.
 */
class FileViewSnapshotTest {
  @TempDir Path root;

  private List<String> tree() throws IOException {
    Path conf = root.resolve("conf");
    Files.createDirectories(conf.resolve("filter.d/sshd.d"));
    Files.createDirectories(conf.resolve("action.d"));
    Files.writeString(conf.resolve("filter.d/sshd.conf"), "[Definition]\n");
    Files.writeString(conf.resolve("filter.d/sshd.d/extra.conf"), "[Definition]\n");
    Files.writeString(conf.resolve("filter.d/caf\u00e9.conf"), "[Definition]\n");
    Files.writeString(conf.resolve("jail.conf"), "[DEFAULT]\n");
    Files.createSymbolicLink(conf.resolve("filter.d/dangling.local"), conf.resolve("nowhere"));
    Files.createSymbolicLink(conf.resolve("filter.d/linked.conf"), conf.resolve("jail.conf"));
    Files.createSymbolicLink(conf.resolve("linked.d"), conf.resolve("filter.d"));
    Path closed = Files.createDirectories(conf.resolve("closed"));
    Files.writeString(closed.resolve("inside.conf"), "");
    // searchable, not readable: listing fails for a user other than root, a stat does not
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("-wx--x--x"));
    String c = conf.toString();
    List<String> paths = new ArrayList<>();
    for (String rel :
        List.of(
            "filter.d/sshd.conf",
            "filter.d/sshd.local",
            "filter.d/sshd.d",
            "filter.d/sshd.d/extra.conf",
            "filter.d/sshd.d/extra.local",
            "filter.d/nginx.d",
            "filter.d/nginx.d/x.conf",
            "filter.d/caf\u00e9.conf",
            "filter.d/caf\u00e9.local",
            "filter.d/dangling.local",
            "filter.d/linked.conf",
            "linked.d/sshd.conf",
            "linked.d/sshd.local",
            "jail.conf/x",
            "jail.conf/",
            "filter.d/../jail.conf",
            "filter.d/../jail.local",
            "filter.d/./sshd.conf",
            "filter.d//sshd.conf",
            "filter.d//sshd.local",
            "filter.d/",
            "missing.d/a/b.conf",
            "closed/inside.conf",
            "closed/outside.conf",
            "filter.d/sshd.conf ",
            "filter.d/.",
            "filter.d/..",
            "")) {
      paths.add(c + "/" + rel);
    }
    paths.add(c);
    paths.add(root.toString());
    paths.add("/");
    paths.add("/nonexistent-hostguard/x.log");
    paths.add("/var/log/hostguard-missing/x.log");
    paths.add("relative-missing.conf");
    paths.add("");
    paths.add(c + "/filter.d/with\0nul");
    paths.add("/proc/self/nonexistent");
    paths.add("/dev/null");
    return paths;
  }

  private static String answers(FileView v, String p) {
    List<String> listed = new ArrayList<>();
    for (FileView.Entry e : v.list(p)) {
      listed.add(e.name() + (e.directory() ? "/" : ""));
    }
    listed.sort(Comparator.naturalOrder());
    return String.format(
        "%s exists=%s lexists=%s file=%s dir=%s read=%s list=%s",
        p.replace("\0", "\\0"),
        v.exists(p),
        v.lexists(p),
        v.isFile(p),
        v.isDir(p),
        v.read(p).map(b -> b.length).orElse(-1),
        listed);
  }

  @Test
  void everyAnswerIsTheDisksOwn() throws IOException {
    List<String> paths = tree();
    assertThat(paths).hasSize(38);
    List<String> disk = new ArrayList<>();
    List<String> fresh = new ArrayList<>();
    for (String p : paths) {
      disk.add(answers(FileView.DISK, p));
      fresh.add(answers(FileView.snapshot(FileView.DISK), p));
    }
    assertThat(fresh).containsExactlyElementsOf(disk);

    FileView shared = FileView.snapshot(FileView.DISK);
    List<String> inOrder = new ArrayList<>();
    for (String p : paths) {
      inOrder.add(answers(shared, p));
    }
    assertThat(inOrder).containsExactlyElementsOf(disk);

    FileView reversed = FileView.snapshot(FileView.DISK);
    List<String> backwards = new ArrayList<>();
    for (int i = paths.size() - 1; i >= 0; i--) {
      backwards.add(0, answers(reversed, paths.get(i)));
    }
    assertThat(backwards).containsExactlyElementsOf(disk);
  }

  @Test
  void aMissingNameIsAnsweredFromItsDirectorysListing() throws IOException {
    List<String> asked = new ArrayList<>();
    // every question (names() too) is noted, then asked of the disk
    FileView counting =
        (FileView)
            Proxy.newProxyInstance(
                FileView.class.getClassLoader(),
                new Class<?>[] {FileView.class},
                (proxy, method, args) -> {
                  asked.add(method.getName() + (args == null ? "" : " " + args[0]));
                  return method.invoke(FileView.DISK, args);
                });
    tree();
    String filters = root.resolve("conf/filter.d").toString();
    FileView v = FileView.snapshot(counting);
    assertThat(v.isFile(filters + "/sshd.conf")).isTrue();
    asked.clear();
    assertThat(v.isFile(filters + "/sshd.local")).isFalse();
    assertThat(v.list(filters + "/nginx.d")).isEmpty();
    assertThat(v.exists(filters + "/nginx.d/x.conf")).isFalse();
    assertThat(asked).as("answered from the listing of filter.d").isEmpty();
    assertThat(v.isFile(filters + "/linked.conf")).isTrue();
    assertThat(asked).containsExactly("isFile " + filters + "/linked.conf");
  }
}
