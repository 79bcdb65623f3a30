package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pauses (示忙) travel the real path: the API asks the PBX (simulated, over AMI) to pause the queue
 * member, Asterisk's QueueMemberPause event comes back, and the core records the interval.
 */
class AgentPauseRecordTest {

  @Test
  void pauseAndUnpauseBecomeOneIntervalWithItsReason() throws Exception {
    TestPlatform platform = TestPlatform.get();
    ApiClient supervisor = platform.login("supervisor1");
    String agent = "pausetest";
    assertThat(supervisor.post("/api/agents/" + agent + "/login", "{}").status()).isEqualTo(200);
    assertThat(
            supervisor.post("/api/agents/" + agent + "/pause", "{\"reason\":\"lunch\"}").status())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> rows(platform, agent).size() == 1);
    assertThat(rows(platform, agent).get(0)).isEqualTo("lunch open");

    // A new reason closes the lunch and opens training; unpause closes training.
    supervisor.post("/api/agents/" + agent + "/pause", "{\"reason\":\"training\"}");
    await().atMost(Duration.ofSeconds(10)).until(() -> rows(platform, agent).size() == 2);
    supervisor.post("/api/agents/" + agent + "/unpause", "{}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> rows(platform, agent).equals(List.of("lunch closed", "training closed")));
    supervisor.post("/api/agents/" + agent + "/logout", "{}");
  }

  private static List<String> rows(TestPlatform platform, String agent) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = platform.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT reason, ended_at IS NULL AS open FROM agent_pause WHERE agent = '"
                        + agent
                        + "' ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getString(1) + (rs.getBoolean(2) ? " open" : " closed"));
      }
    }
    return out;
  }
}
