package org.hotline.ticketing.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Which uploads are accepted: photos (jpg, png), documents (pdf, docx, xlsx) and plain text. The
 * name's extension must be on the list <em>and</em> the content must be what the extension claims,
 * judged by its leading bytes (and, for Office files, by the parts inside the zip). Everything else
 * — executables, HTML, SVG, macro-enabled Office files, a page renamed {@code .jpg} — is refused.
 * Blocking (reads the file): call on a worker thread.
 */
public final class FileTypes {

  /** What a checked file is: the type it is served with and its canonical extension. */
  public record Checked(String contentType, String extension) {}

  /** Why a file was refused, in words for the uploader. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message);
    }
  }

  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Extension → content type; the list the upload form also shows. */
  public static final Map<String, String> ALLOWED =
      Map.of(
          "jpg", "image/jpeg",
          "jpeg", "image/jpeg",
          "png", "image/png",
          "pdf", "application/pdf",
          "docx", DOCX,
          "xlsx", XLSX,
          "txt", "text/plain");

  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final int MAX_ZIP_ENTRIES = 10_000;
  private static final int MAX_NAME = 120;

  /** Markup that a browser would run or render if it were ever sniffed: never inside a .txt. */
  private static final List<String> MARKUP =
      List.of(
          "<!doctype",
          "<html",
          "<head",
          "<body",
          "<script",
          "<svg",
          "<?xml",
          "<iframe",
          "<object",
          "<embed",
          "<meta",
          "<img",
          "<a ",
          "<style",
          "<form");

  private FileTypes() {}

  /** Checks {@code file}, uploaded under the (sanitised) {@code name}. */
  public static Checked check(String name, Path file) throws IOException, Refused {
    String ext = extension(name);
    String type = ALLOWED.get(ext);
    if (type == null) {
      throw new Refused(
          "file type not accepted: "
              + (ext.isEmpty() ? "no extension" : "." + ext)
              + " (accepted: jpg, png, pdf, docx, xlsx, txt)");
    }
    byte[] head = head(file, 8192);
    if (head.length == 0) {
      throw new Refused("the file " + name + " is empty");
    }
    switch (ext) {
      case "jpg", "jpeg" -> requireMagic(head, JPEG, name, "a JPEG image");
      case "png" -> requireMagic(head, PNG, name, "a PNG image");
      case "pdf" -> requireMagic(head, PDF, name, "a PDF document");
      case "docx" -> officeFile(file, head, name, "word/document.xml", "a Word document");
      case "xlsx" -> officeFile(file, head, name, "xl/workbook.xml", "an Excel workbook");
      case "txt" -> type = "text/plain; charset=" + plainText(file, name);
      default -> throw new IllegalStateException("unhandled extension " + ext);
    }
    return new Checked(type, ext.equals("jpeg") ? "jpg" : ext);
  }

  /**
   * The client's file name made safe to store and to offer back: the last path segment only, NFC,
   * without control or bidi-override characters or the characters Windows forbids, at most 120
   * characters with the extension kept; "file" when nothing is left.
   */
  public static String sanitizeName(String raw) {
    if (raw == null) {
      return "file";
    }
    String n = raw;
    int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
    n = Normalizer.normalize(n.substring(cut + 1), Normalizer.Form.NFC);
    StringBuilder b = new StringBuilder();
    n.codePoints()
        .filter(
            c ->
                !Character.isISOControl(c)
                    && Character.getType(c) != Character.FORMAT // U+202E and friends
                    && Character.getType(c) != Character.SURROGATE
                    && Character.getType(c) != Character.UNASSIGNED
                    && "<>:\"/\\|?*".indexOf(c) < 0)
        .forEach(b::appendCodePoint);
    n = b.toString().strip();
    while (n.startsWith(".")) {
      n = n.substring(1).strip();
    }
    if (n.codePointCount(0, n.length()) > MAX_NAME) {
      String ext = extension(n);
      int keep = MAX_NAME - (ext.isEmpty() ? 0 : ext.length() + 1);
      String base = n.substring(0, n.offsetByCodePoints(0, Math.max(1, keep)));
      n = ext.isEmpty() || ext.length() > 10 ? base : base + "." + ext;
    }
    return n.isEmpty() ? "file" : n;
  }

  /** The lower-case extension of a name, "" when it has none. */
  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 || dot == name.length() - 1
        ? ""
        : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static void requireMagic(byte[] head, byte[] magic, String name, String what)
      throws Refused {
    if (head.length < magic.length
        || !Arrays.equals(head, 0, magic.length, magic, 0, magic.length)) {
      throw new Refused("the content of " + name + " is not " + what);
    }
  }

  /** An Office Open XML file: a zip with the content-types part and its main part, no macros. */
  private static void officeFile(Path file, byte[] head, String name, String mainPart, String what)
      throws IOException, Refused {
    requireMagic(head, ZIP, name, what);
    Set<String> names = new HashSet<>();
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) { // names only: nothing is inflated (no zip bomb)
        if (names.size() >= MAX_ZIP_ENTRIES) {
          throw new Refused("the content of " + name + " has too many parts");
        }
        String entry = entries.nextElement().getName();
        if (entry.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
          throw new Refused(name + " contains macros, which are not accepted");
        }
        names.add(entry);
      }
    } catch (ZipException | IllegalArgumentException e) {
      throw new Refused("the content of " + name + " is not " + what);
    }
    if (!names.contains("[Content_Types].xml") || !names.contains(mainPart)) {
      throw new Refused("the content of " + name + " is not " + what);
    }
  }

  /**
   * Plain text: UTF-8 (with or without BOM) or GB18030 (what Chinese Windows saves), no control
   * characters but tab, line and page breaks, no markup or script header. Returns the charset.
   */
  private static String plainText(Path file, String name) throws IOException, Refused {
    byte[] all = Files.readAllBytes(file); // bounded by the upload limit
    String charset = "utf-8";
    String text = decode(all, StandardCharsets.UTF_8);
    if (text == null) {
      charset = "gb18030";
      text = decode(all, Charset.forName("GB18030"));
    }
    if (text == null) {
      throw new Refused("the content of " + name + " is not text (UTF-8 or GB18030)");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        throw new Refused("the content of " + name + " is not plain text");
      }
    }
    String start = text.strip();
    String lower = start.substring(0, Math.min(start.length(), 1024)).toLowerCase(Locale.ROOT);
    if (start.startsWith("#!") || MARKUP.stream().anyMatch(lower::contains)) {
      throw new Refused("the content of " + name + " looks like a web page or a script");
    }
    return charset;
  }

  private static String decode(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static byte[] head(Path file, int max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(max);
    }
  }
}
