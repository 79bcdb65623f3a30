package org.hotline.telephony.agi;

import io.vertx.core.Future;

/**
 * An IVR script run for one FastAGI session. It runs on the session's event loop and must never
 * block; the session closes the socket (returning the call to the dialplan) when the returned
 * future completes, successfully or not.
 */
@FunctionalInterface
public interface AgiScript {
  Future<Void> run(AgiChannel channel);
}
