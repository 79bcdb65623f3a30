package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the bytes a real Asterisk 22 sent in the recorded sessions against our server running the
 * recording peer's command sequence: the server must write byte for byte what the peer wrote, and
 * parse every recorded reply (HANGUP between command and reply, 511, 520 single-line, 510, {@code
 * (timeout)}, {@code endpos}) into the same status.
 */
class FixtureReplayTest {
  private final FixtureScripts fixtureScripts = new FixtureScripts();
  private AgiTestBed bed;

  @BeforeEach
  void start() {
    bed =
        AgiTestBed.withScripts(
            fixtureScripts.scripts(), new JsonObject().put("commandTimeoutMs", 3000));
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"agi-hotline-queue", "agi-hotline-abandon", "agi-hotline-hangup", "agi-survey"})
  void serverWritesTheRecordedCommandsAndReadsTheRecordedReplies(String fixture) {
    String fromAsterisk = FixtureReplayPeer.fixture(fixture + ".from-asterisk.raw");
    String toAsterisk = FixtureReplayPeer.fixture(fixture + ".to-asterisk.raw");

    String sent =
        AgiTestBed.await(FixtureReplayPeer.replay(bed.vertx, bed.client, bed.port(), fromAsterisk));

    assertThat(sent).isEqualTo(toAsterisk);
    assertThat(fixtureScripts.outcomes)
        .containsExactlyElementsOf(FixtureReplayPeer.replyLines(fromAsterisk));
    await().atMost(Duration.ofSeconds(5)).until(() -> bed.server().stats().activeSessions() == 0);
    assertThat(bed.server().stats().protocolErrors()).isZero();
    assertThat(bed.server().stats().scriptFailures()).isZero();
  }

  @Test
  void recordedRepliesParseIntoTheirParts() {
    String fromAsterisk = FixtureReplayPeer.fixture("agi-hotline-hangup.from-asterisk.raw");
    AgiTestBed.await(FixtureReplayPeer.replay(bed.vertx, bed.client, bed.port(), fromAsterisk));

    AgiReply interrupted = fixtureScripts.replies.get(3); // STREAM FILE hotline-long
    assertThat(interrupted.resultAsInt(0)).isEqualTo(-1);
    assertThat(interrupted.endpos()).hasValue(20000);
    assertThat(fixtureScripts.failures)
        .hasSize(4)
        .allSatisfy(e -> assertThat(e).isInstanceOf(AgiHangupException.class));
  }

  @Test
  void surveyTimeoutAndWaitForDigitParse() {
    String fromAsterisk = FixtureReplayPeer.fixture("agi-survey.from-asterisk.raw");
    AgiTestBed.await(FixtureReplayPeer.replay(bed.vertx, bed.client, bed.port(), fromAsterisk));

    AgiReply getData = fixtureScripts.replies.get(1);
    assertThat(getData.isTimeout()).isTrue();
    assertThat(getData.result()).isEmpty();
    AgiReply waitForDigit = fixtureScripts.replies.get(2);
    assertThat(waitForDigit.digit()).isEqualTo((char) 0);
    assertThat(fixtureScripts.replies.get(5).data()).isEqualTo("none");
  }

  @Test
  void singleLine520FailsTheCommandAtOnceAndTheSessionGoesOn() {
    String fromAsterisk = FixtureReplayPeer.fixture("agi-hotline-queue.from-asterisk.raw");
    AgiTestBed.await(FixtureReplayPeer.replay(bed.vertx, bed.client, bed.port(), fromAsterisk));

    assertThat(fixtureScripts.failures).hasSize(2);
    assertThat(((AgiCommandException) fixtureScripts.failures.get(0)).reply().code())
        .isEqualTo(520);
    assertThat(((AgiCommandException) fixtureScripts.failures.get(1)).reply().code())
        .isEqualTo(510);
    assertThat(fixtureScripts.outcomes.get(fixtureScripts.outcomes.size() - 1))
        .isEqualTo("200 result=1");
    assertThat(fixtureScripts.replies)
        .anySatisfy(r -> assertThat(r.data()).isEqualTo("HL-2024-000123 with spaces"));
  }
}
