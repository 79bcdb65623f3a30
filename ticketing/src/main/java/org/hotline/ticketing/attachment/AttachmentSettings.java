package org.hotline.ticketing.attachment;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where attachments are kept and how large they may be. Read once at start from the environment
 * ({@code HOTLINE_ATTACHMENT_MAX_MB}, {@code HOTLINE_ATTACHMENT_MAX_FILES}); a bad value stops the
 * platform naming the variable.
 *
 * @param dir the store, {@code $HOTLINE_DATA_DIR/attachments}: outside anything served statically
 * @param uploadsDir where the web server spools multipart bodies before they are checked
 * @param maxFileBytes largest single file
 * @param maxFiles most files in one upload request
 */
public record AttachmentSettings(Path dir, Path uploadsDir, long maxFileBytes, int maxFiles) {

  public static final int DEFAULT_MAX_MB = 10;
  public static final int DEFAULT_MAX_FILES = 5;

  public static AttachmentSettings from(Map<String, String> env, Path dataDir) {
    int mb = number(env, "HOTLINE_ATTACHMENT_MAX_MB", DEFAULT_MAX_MB, 1, 100);
    int files = number(env, "HOTLINE_ATTACHMENT_MAX_FILES", DEFAULT_MAX_FILES, 1, 20);
    return new AttachmentSettings(
        dataDir.resolve("attachments"), dataDir.resolve("uploads-tmp"), mb * 1024L * 1024L, files);
  }

  /** The largest multipart body: every file at its limit plus room for the form fields. */
  public long maxBodyBytes() {
    return maxFileBytes * maxFiles + 64 * 1024;
  }

  private static int number(Map<String, String> env, String name, int dflt, int min, int max) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(raw.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a number " + min + "-" + max + ", not '" + raw + "'");
  }
}
