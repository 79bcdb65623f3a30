package org.hotline.telephony.agi;

import java.util.Map;

/** Lets tests in other packages use the fixture scripts and files. */
public final class FixtureScriptsAccess {
  private FixtureScriptsAccess() {}

  public static Map<String, AgiScript> scripts() {
    return new FixtureScripts().scripts();
  }

  public static String fixture(String name) {
    return FixtureReplayPeer.fixture(name);
  }
}
