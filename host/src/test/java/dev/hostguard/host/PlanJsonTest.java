package dev.hostguard.host;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plans and apply results to JSON and back, in the documented shape. */
class PlanJsonTest {
  private static Plan sample() {
    return Plan.of(
        List.of(
            new PlanStep.RunCommand(ImmutableList.of("ufw", "limit", "22/tcp", "comment", "it's")),
            new PlanStep.WriteFile(
                FileChange.of(
                    Path.of("/etc/ufw/before.rules"),
                    Optional.of("a\n".getBytes(UTF_8)),
                    "a\nb\n".getBytes(UTF_8))),
            new PlanStep.WriteFile(
                FileChange.of(Path.of("/etc/x"), Optional.empty(), new byte[] {(byte) 0xff, 10}))),
        List.of("allow 80/tcp", "allow 8080/tcp (v6)"),
        false);
  }

  @Test
  void aPlanRoundTrips() {
    Plan p = sample();
    assertThat(Plan.fromJson(p.toJson())).isEqualTo(p);
    assertThat(Plan.fromJson(p.toJson()).toJson()).isEqualTo(p.toJson());
  }

  @Test
  void theShapeIsTheDocumentedOne() throws Exception {
    JsonNode root = new ObjectMapper().readTree(sample().toJson());
    assertThat(root.get("format").asText()).isEqualTo("hostguard-plan");
    assertThat(root.get("version").asInt()).isEqualTo(1);
    assertThat(root.get("bulk").asBoolean()).isFalse();
    assertThat(root.get("unmanagedRules").get(1).asText()).isEqualTo("allow 8080/tcp (v6)");
    JsonNode cmd = root.get("steps").get(0);
    assertThat(cmd.get("type").asText()).isEqualTo("command");
    assertThat(cmd.get("argv").get(4).asText()).isEqualTo("it's");
    JsonNode file = root.get("steps").get(1);
    assertThat(file.get("type").asText()).isEqualTo("file");
    assertThat(file.get("path").asText()).isEqualTo("/etc/ufw/before.rules");
    assertThat(file.get("encoding").asText()).isEqualTo("utf-8");
    assertThat(file.get("before").asText()).isEqualTo("a\n");
    assertThat(file.get("after").asText()).isEqualTo("a\nb\n");
    assertThat(file.get("diff").asText())
        .isEqualTo(
            "--- a/etc/ufw/before.rules\n+++ b/etc/ufw/before.rules\n@@ -1 +1,2 @@\n a\n+b\n");
    JsonNode binary = root.get("steps").get(2);
    assertThat(binary.get("encoding").asText()).isEqualTo("base64");
    assertThat(binary.get("before").isNull()).isTrue();
    assertThat(binary.get("after").asText()).isEqualTo("/wo=");
  }

  @Test
  void anApplyResultRoundTrips() {
    Plan p = sample();
    ApplyResult r =
        new ApplyResult(
            ImmutableList.of(
                new StepOutcome(
                    p.steps().get(0),
                    StepOutcome.Status.DONE,
                    Optional.of(0),
                    "Rule added\n",
                    Optional.empty(),
                    Optional.empty()),
                new StepOutcome(
                    p.steps().get(1),
                    StepOutcome.Status.FAILED,
                    Optional.empty(),
                    "",
                    Optional.empty(),
                    Optional.of("/etc/ufw/before.rules changed since this change was planned")),
                StepOutcome.notRun(p.steps().get(2))));
    assertThat(ApplyResult.fromJson(r.toJson())).isEqualTo(r);
    assertThat(r.toJson()).contains("\"status\" : \"not-run\"").contains("\"complete\" : false");
  }

  @Test
  void otherDocumentsAreRefused() {
    assertThatThrownBy(() -> Plan.fromJson("{\"format\":\"hostguard-apply\",\"version\":1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a hostguard-plan document");
    assertThatThrownBy(() -> Plan.fromJson("[1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(
            () ->
                Plan.fromJson(
                    "{\"format\":\"hostguard-plan\",\"version\":1,\"bulk\":false,"
                        + "\"unmanagedRules\":[],\"steps\":[{\"type\":\"shell\"}]}"))
        .hasMessage("unknown step type 'shell'");
  }
}
