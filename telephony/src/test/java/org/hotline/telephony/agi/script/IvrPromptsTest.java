package org.hotline.telephony.agi.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every prompt the scripts can play has a Chinese text in prompts.tsv, and nothing else is there.
 */
class IvrPromptsTest {
  private static Map<String, String> promptTexts() throws IOException {
    try (InputStream in =
        IvrPrompts.class.getResourceAsStream("/org/hotline/telephony/prompts.tsv")) {
      Map<String, String> texts = new HashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.split("\t");
          assertThat(parts).as(line).hasSize(3);
          assertThat(Long.parseLong(parts[2])).as(line).isPositive();
          assertThat(texts.put(parts[0], parts[1])).as("duplicate " + parts[0]).isNull();
        }
      }
      return texts;
    }
  }

  private static List<String> promptsTheScriptsUse() throws IllegalAccessException {
    List<String> names = new ArrayList<>();
    for (Field field : IvrPrompts.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        names.add((String) field.get(null));
      }
    }
    for (String state :
        List.of(
            "RECEIVED",
            "DISPATCHED",
            "ACCEPTED",
            "REPLIED",
            "CALLBACK",
            "CLOSED",
            "ANSWERED",
            "MERGED",
            "SOMETHING_NEW")) {
      names.add(IvrPrompts.orderState(state));
    }
    return names;
  }

  @Test
  void everyPromptHasAChineseText() throws Exception {
    Map<String, String> texts = promptTexts();
    for (String name : promptsTheScriptsUse()) {
      assertThat(texts).as(name).containsKey(name);
      assertThat(texts.get(name)).as(name).containsPattern("\\p{IsHan}");
    }
  }

  @Test
  void noUnusedPrompts() throws Exception {
    assertThat(promptsTheScriptsUse()).containsAll(promptTexts().keySet());
  }

  @Test
  void unknownStatesGetTheGenericPrompt() {
    assertThat(IvrPrompts.orderState("dispatched")).isEqualTo("hotline/order-state-dispatched");
    assertThat(IvrPrompts.orderState("../../etc")).isEqualTo("hotline/order-state-unknown");
  }
}
