package org.hotline.telephony.ami;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.telephony.ami.protocol.AmiMessage;
import org.hotline.telephony.ami.protocol.AmiMessageReader;

/** The recorded Asterisk 22 AMI transcripts in {@code shared/fixtures/asterisk}. */
public final class AmiFixtures {
  private AmiFixtures() {}

  /** The fixture directory: {@code HOTLINE_FIXTURES} or the shared checkout next to the repo. */
  public static Path dir() {
    String env = System.getenv("HOTLINE_FIXTURES");
    if (env != null) {
      return Path.of(env, "asterisk");
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path candidate = p.resolveSibling("shared").resolve("fixtures").resolve("asterisk");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      p = p.getParent();
    }
    return Path.of("/work/shared/fixtures/asterisk");
  }

  /** A fixture's bytes: from the test classpath (fixtures/asterisk-ami), else the shared dir. */
  public static byte[] bytes(String name) {
    try (java.io.InputStream in =
        AmiFixtures.class.getResourceAsStream("/fixtures/asterisk-ami/" + name)) {
      if (in != null) {
        return in.readAllBytes();
      }
      return Files.readAllBytes(dir().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every packet Asterisk sent in the full session (banner skipped). */
  public static List<AmiMessage> sessionFromAsterisk() {
    try {
      return AmiMessageReader.parseAll(bytes("ami-session.from-asterisk.raw"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The packets of one list response (events carrying this ActionID). */
  public static List<AmiMessage> listEvents(List<AmiMessage> all, String actionId) {
    return all.stream()
        .filter(m -> m.eventName() != null && actionId.equals(m.get("ActionID")))
        .toList();
  }

  /** Events that are not part of any list response: the live stream. */
  public static List<AmiMessage> liveEvents(List<AmiMessage> all) {
    return all.stream().filter(m -> m.eventName() != null && m.get("ActionID") == null).toList();
  }
}
