package org.hotline.kb.eval;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One evaluation question: {@code {"q": ..., "relevant": [codes], "kind": ...}}. An empty {@code
 * relevant} list (or kind {@code noanswer}) means nothing in the base answers it.
 */
public record EvalQuery(String q, Set<String> relevant, String kind) {

  /** The kind of questions that have no answer in the base. */
  public static final String NO_ANSWER = "noanswer";

  /** Whether the base has no answer for this question. */
  public boolean noAnswer() {
    return relevant.isEmpty() || NO_ANSWER.equals(kind);
  }

  /** Reads a JSON Lines file. */
  public static List<EvalQuery> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses JSON Lines text (blank lines skipped). */
  public static List<EvalQuery> parse(String text) {
    List<EvalQuery> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject o = new JsonObject(line);
      JsonArray rel = o.getJsonArray("relevant", new JsonArray());
      Set<String> codes = new java.util.LinkedHashSet<>();
      rel.forEach(c -> codes.add(String.valueOf(c)));
      String kind = o.getString("kind");
      if (kind == null || kind.isBlank()) {
        kind = codes.isEmpty() ? NO_ANSWER : "all";
      }
      out.add(new EvalQuery(o.getString("q", ""), Set.copyOf(codes), kind));
    }
    return out;
  }
}
