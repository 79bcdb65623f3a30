package org.hotline.kb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads articles from JSON Lines, one {@code {"code","title","body","category","keywords":[..],
 * "validFrom","validUntil"}} a line (dates ISO, optional). Used by the evaluation and benchmark;
 * blank lines and lines starting with {@code #} are skipped. Articles come out published.
 */
public final class ArticleJsonl {

  private static final String SEED = "/org/hotline/kb/seed/articles.jsonl";

  private ArticleJsonl() {}

  /** Parses one line; throws {@link IllegalArgumentException} when it is not a valid article. */
  public static Article parseLine(String line) {
    JsonObject o;
    try {
      o = new JsonObject(line);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
    String code = o.getString("code");
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("missing code");
    }
    List<String> keywords = new ArrayList<>();
    JsonArray kw = o.getJsonArray("keywords");
    if (kw != null) {
      kw.forEach(k -> keywords.add(String.valueOf(k)));
    }
    return new Article(
        code.strip(),
        o.getString("title", ""),
        o.getString("body", ""),
        o.getString("category", ""),
        keywords,
        date(o.getString("validFrom")),
        date(o.getString("validUntil")),
        ArticleStatus.PUBLISHED,
        o.getString("unit"),
        null);
  }

  private static LocalDate date(String s) {
    return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
  }

  /** Parses a whole text. */
  public static List<Article> parse(String text) {
    List<Article> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(parseLine(line));
      }
    }
    return out;
  }

  /** Reads a file. */
  public static List<Article> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The seed base shipped in the jar (empty list if absent). */
  public static List<Article> seed() {
    try (InputStream in = ArticleJsonl.class.getResourceAsStream(SEED)) {
      return in == null ? List.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
