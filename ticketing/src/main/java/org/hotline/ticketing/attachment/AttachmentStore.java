package org.hotline.ticketing.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The files of attachments on disk, under names the server draws at random (32 hex digits, fanned
 * out by their first two): nothing of the client's name or path ever reaches the file system.
 * Blocking: call on a worker thread. Thread-safe.
 */
public final class AttachmentStore {

  /** A file taken into the store. */
  public record Stored(String storedName, long size, String sha256) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Path dir;

  public AttachmentStore(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** Moves an uploaded (already checked) file into the store, hashing it on the way. */
  public Stored take(Path upload) throws IOException {
    String sha256 = sha256(upload);
    long size = Files.size(upload);
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String name = HexFormat.of().formatHex(random);
    Path target = path(name);
    Files.createDirectories(target.getParent());
    try {
      Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) { // spool on another file system
      Files.copy(upload, target);
      Files.deleteIfExists(upload);
    }
    try {
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's permissions must do
    }
    return new Stored(name, size, sha256);
  }

  /** Where a stored file lives; refuses anything but a name this store could have drawn. */
  public Path path(String storedName) {
    if (storedName == null || !storedName.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("not a stored attachment name: " + storedName);
    }
    return dir.resolve(storedName.substring(0, 2)).resolve(storedName);
  }

  /** Removes a stored file (a compensation when its metadata could not be saved). */
  public void delete(String storedName) {
    try {
      Files.deleteIfExists(path(storedName));
    } catch (IOException e) {
      // an orphan file without a row is harmless and never served
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
