package org.hotline.ticketing.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real small files of each accepted kind, and some that must be refused. */
public final class TestFiles {

  private TestFiles() {}

  /** A 1×1 PNG. */
  public static byte[] png() {
    return Base64.getDecoder()
        .decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  }

  public static byte[] jpeg() {
    byte[] b = new byte[64];
    b[0] = (byte) 0xFF;
    b[1] = (byte) 0xD8;
    b[2] = (byte) 0xFF;
    b[3] = (byte) 0xE0;
    return b;
  }

  public static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A zip with the given entries (each holding a little XML). */
  public static byte[] zip(String... entries) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        for (String e : entries) {
          zip.putNextEntry(new ZipEntry(e));
          zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] docx() {
    return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
  }

  public static byte[] xlsx() {
    return zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml");
  }

  public static byte[] html() {
    return "<html><body><script>alert(document.cookie)</script></body></html>"
        .getBytes(StandardCharsets.UTF_8);
  }
}
