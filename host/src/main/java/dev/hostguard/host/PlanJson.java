package dev.hostguard.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** {@link Plan} and {@link ApplyResult} to JSON and back (the shape {@link Plan} documents). */
final class PlanJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int VERSION = 1;

  private PlanJson() {}

  static String write(Plan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", "hostguard-plan");
    root.put("version", VERSION);
    root.put("bulk", plan.usesBulkPath());
    ArrayNode unmanaged = root.putArray("unmanagedRules");
    plan.unmanagedRules().forEach(unmanaged::add);
    ArrayNode steps = root.putArray("steps");
    plan.steps().forEach(s -> steps.add(step(s)));
    return text(root);
  }

  static String write(ApplyResult result) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", "hostguard-apply");
    root.put("version", VERSION);
    root.put("complete", result.isComplete());
    ArrayNode outcomes = root.putArray("outcomes");
    for (StepOutcome o : result.outcomes()) {
      ObjectNode n = outcomes.addObject();
      n.put("status", o.status().word());
      n.set("step", step(o.step()));
      o.exitCode().ifPresent(c -> n.put("exitCode", c));
      if (!o.output().isEmpty()) {
        n.put("output", o.output());
      }
      o.backup().ifPresent(b -> n.put("backup", b.toString()));
      o.error().ifPresent(e -> n.put("error", e));
    }
    return text(root);
  }

  private static String text(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode step(PlanStep s) {
    ObjectNode n = MAPPER.createObjectNode();
    if (s instanceof PlanStep.RunCommand c) {
      n.put("type", "command");
      n.put("description", c.description());
      ArrayNode argv = n.putArray("argv");
      c.argv().forEach(argv::add);
      return n;
    }
    FileChange change = ((PlanStep.WriteFile) s).change();
    n.put("type", "file");
    n.put("description", s.description());
    n.put("path", change.path().toString());
    Optional<byte[]> before = change.before();
    byte[] after = change.after();
    boolean utf8 = before.map(PlanJson::isUtf8).orElse(true) && isUtf8(after);
    n.put("encoding", utf8 ? "utf-8" : "base64");
    if (before.isPresent()) {
      n.put("before", encode(before.get(), utf8));
    } else {
      n.putNull("before");
    }
    n.put("after", encode(after, utf8));
    n.put("diff", change.unifiedDiff());
    return n;
  }

  private static String encode(byte[] bytes, boolean utf8) {
    return utf8
        ? new String(bytes, StandardCharsets.UTF_8)
        : Base64.getEncoder().encodeToString(bytes);
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static Plan readPlan(String json) {
    JsonNode root = parse(json, "hostguard-plan");
    List<String> unmanaged = new ArrayList<>();
    for (JsonNode r : array(root, "unmanagedRules")) {
      unmanaged.add(string(r, "unmanagedRules[]"));
    }
    List<PlanStep> steps = new ArrayList<>();
    for (JsonNode s : array(root, "steps")) {
      steps.add(readStep(s));
    }
    return Plan.of(steps, unmanaged, bool(root, "bulk"));
  }

  static ApplyResult readResult(String json) {
    JsonNode root = parse(json, "hostguard-apply");
    List<StepOutcome> outcomes = new ArrayList<>();
    for (JsonNode o : array(root, "outcomes")) {
      String word = string(o.get("status"), "status");
      StepOutcome.Status status =
          StepOutcome.Status.fromWord(word)
              .orElseThrow(() -> new IllegalArgumentException("unknown status '" + word + "'"));
      JsonNode exit = o.get("exitCode");
      if (exit != null && !exit.isInt()) {
        throw new IllegalArgumentException("exitCode is not an integer");
      }
      outcomes.add(
          new StepOutcome(
              readStep(o.get("step")),
              status,
              exit == null ? Optional.empty() : Optional.of(exit.intValue()),
              optionalString(o, "output").orElse(""),
              optionalString(o, "backup").map(Path::of),
              optionalString(o, "error")));
    }
    return new ApplyResult(ImmutableList.copyOf(outcomes));
  }

  private static PlanStep readStep(JsonNode s) {
    if (s == null || !s.isObject()) {
      throw new IllegalArgumentException("a step is not an object");
    }
    String type = string(s.get("type"), "type");
    switch (type) {
      case "command" -> {
        List<String> argv = new ArrayList<>();
        for (JsonNode a : array(s, "argv")) {
          argv.add(string(a, "argv[]"));
        }
        return new PlanStep.RunCommand(ImmutableList.copyOf(argv));
      }
      case "file" -> {
        Path path = Path.of(string(s.get("path"), "path"));
        String encoding = string(s.get("encoding"), "encoding");
        boolean utf8;
        if (encoding.equals("utf-8")) {
          utf8 = true;
        } else if (encoding.equals("base64")) {
          utf8 = false;
        } else {
          throw new IllegalArgumentException("unknown encoding '" + encoding + "'");
        }
        JsonNode before = s.get("before");
        Optional<byte[]> b =
            before == null || before.isNull()
                ? Optional.empty()
                : Optional.of(decode(string(before, "before"), utf8));
        byte[] after = decode(string(s.get("after"), "after"), utf8);
        return new PlanStep.WriteFile(FileChange.of(path, b, after));
      }
      default -> throw new IllegalArgumentException("unknown step type '" + type + "'");
    }
  }

  private static byte[] decode(String text, boolean utf8) {
    return utf8 ? text.getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(text);
  }

  private static JsonNode parse(String json, String format) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (!format.equals(root.path("format").asText(null))) {
      throw new IllegalArgumentException("not a " + format + " document");
    }
    if (root.path("version").asInt(-1) != VERSION) {
      throw new IllegalArgumentException("unsupported version: " + root.get("version"));
    }
    return root;
  }

  private static Iterable<JsonNode> array(JsonNode parent, String field) {
    JsonNode a = parent.get(field);
    if (a == null || !a.isArray()) {
      throw new IllegalArgumentException(field + " is not an array");
    }
    return a;
  }

  private static String string(JsonNode n, String field) {
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(field + " is not a string");
    }
    return n.textValue();
  }

  private static Optional<String> optionalString(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(string(n, field));
  }

  private static boolean bool(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isBoolean()) {
      throw new IllegalArgumentException(field + " is not a boolean");
    }
    return n.booleanValue();
  }
}
