package org.hotline.telephony.sim.agi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An AGI command line split the way Asterisk's {@code parse_args} does (whitespace separates,
 * double quotes group, backslash escapes), with the command's verb (one to three words) matched
 * case-insensitively against the commands the simulator knows.
 */
record AgiCommandWords(String verb, List<String> args) {
  private static final Set<String> VERBS =
      Set.of(
          "ANSWER",
          "CHANNEL STATUS",
          "DATABASE DEL",
          "DATABASE GET",
          "DATABASE PUT",
          "EXEC",
          "GET DATA",
          "GET FULL VARIABLE",
          "GET VARIABLE",
          "HANGUP",
          "NOOP",
          "RECORD FILE",
          "SAY DATE",
          "SAY DATETIME",
          "SAY DIGITS",
          "SAY NUMBER",
          "SET VARIABLE",
          "STREAM FILE",
          "VERBOSE",
          "WAIT FOR DIGIT");

  /** Null verb when the command is unknown (Asterisk answers 510). */
  static AgiCommandWords parse(String line) {
    List<String> words = split(line);
    for (int n = Math.min(3, words.size()); n >= 1; n--) {
      String candidate = String.join(" ", words.subList(0, n)).toUpperCase(Locale.ROOT);
      if (VERBS.contains(candidate)) {
        return new AgiCommandWords(candidate, List.copyOf(words.subList(n, words.size())));
      }
    }
    return new AgiCommandWords(null, List.copyOf(words));
  }

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        current.append(line.charAt(++i));
        inWord = true;
      } else if (c == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (!quoted && (c == ' ' || c == '\t')) {
        if (inWord) {
          words.add(current.toString());
          current.setLength(0);
          inWord = false;
        }
      } else {
        current.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(current.toString());
    }
    return words;
  }

  String arg(int index, String fallback) {
    return index < args.size() ? args.get(index) : fallback;
  }

  long longArg(int index, long fallback) {
    try {
      return Long.parseLong(arg(index, String.valueOf(fallback)));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Whether Asterisk would accept the number of arguments (otherwise it answers 520). */
  boolean arityOk() {
    AgiCommandWords c = this;
    int n = c.args().size();
    return switch (c.verb()) {
      case "ANSWER", "NOOP" -> true;
      case "STREAM FILE" -> n == 2 || n == 3;
      case "GET DATA" -> n >= 1 && n <= 3;
      case "WAIT FOR DIGIT", "GET VARIABLE" -> n == 1;
      case "RECORD FILE" -> n >= 4;
      case "SAY DIGITS", "SAY NUMBER", "SAY DATE", "SET VARIABLE", "DATABASE GET", "DATABASE DEL" ->
          n == 2;
      case "SAY DATETIME" -> n >= 2 && n <= 4;
      case "GET FULL VARIABLE" -> n == 1 || n == 2;
      case "EXEC" -> n >= 1;
      case "HANGUP", "CHANNEL STATUS" -> n <= 1;
      case "VERBOSE" -> n == 1 || n == 2;
      case "DATABASE PUT" -> n == 3;
      default -> false;
    };
  }
}
