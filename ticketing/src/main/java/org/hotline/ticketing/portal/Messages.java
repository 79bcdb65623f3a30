package org.hotline.ticketing.portal;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The portal's texts in zh-CN (first) and English. Each page has its own bundle {@code
 * i18n/<page>_<locale>.properties} (UTF-8) so pages can be written apart; English falls back to the
 * Chinese text for a key it lacks. The locale is the user's choice (cookie {@value #COOKIE}), else
 * zh-CN: the hotline's staff work in Chinese, English is the second language.
 */
public final class Messages {

  public static final String COOKIE = "hotline.lang";
  public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  public static final Locale EN = Locale.ENGLISH;

  /** Every page bundle; a missing file is simply empty (pages may be added later). */
  static final List<String> BUNDLES =
      List.of("common", "login", "agent", "centre", "unit", "admin", "wallboard", "simcall");

  private final Map<String, String> zh;
  private final Map<String, String> en;

  public Messages() {
    zh = load("zh_CN");
    Map<String, String> english = new TreeMap<>(zh);
    english.putAll(load("en"));
    en = english;
  }

  /** The texts of {@code locale} (zh-CN unless English). */
  public Map<String, String> texts(Locale locale) {
    return EN.getLanguage().equals(locale.getLanguage()) ? en : zh;
  }

  /** Keys present in Chinese but not in the English files: for a test that keeps them equal. */
  public static Map<String, String> raw(String suffix) {
    return load(suffix);
  }

  /** The request's locale: the language cookie, else zh-CN. */
  public static Locale locale(RoutingContext ctx) {
    Cookie c = ctx.request().getCookie(COOKIE);
    return c != null && "en".equals(c.getValue()) ? EN : ZH;
  }

  /** The language tag pages put in {@code <html lang>}. */
  public static String tag(Locale locale) {
    return EN.getLanguage().equals(locale.getLanguage()) ? "en" : "zh-CN";
  }

  private static Map<String, String> load(String suffix) {
    Map<String, String> all = new TreeMap<>();
    for (String bundle : BUNDLES) {
      String path = "i18n/" + bundle + "_" + suffix + ".properties";
      try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          continue;
        }
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        p.forEach((k, v) -> all.put((String) k, (String) v));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    }
    return Map.copyOf(all);
  }
}
