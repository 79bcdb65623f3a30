package org.hotline.ticketing.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The FreeMarker engine of the printable reports, created once. Templates are {@code .ftlh}, so
 * every interpolation is HTML-escaped; only the server-drawn SVG charts are inserted with {@code
 * ?no_esc}. Rendering reads templates from the class path: call it on a worker thread.
 */
public final class BriefTemplates {

  private final Configuration config;

  public BriefTemplates() {
    config = new Configuration(Configuration.VERSION_2_3_33);
    config.setClassForTemplateLoading(BriefTemplates.class, "/templates/reports");
    config.setDefaultEncoding("UTF-8");
    config.setOutputEncoding("UTF-8");
    config.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output format, auto-escaping
    config.setLocale(Locale.SIMPLIFIED_CHINESE);
    config.setNumberFormat("0.#");
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
  }

  /** Renders {@code name} (e.g. {@code daily-brief.ftlh}) with the model. */
  public String render(String name, Map<String, Object> model) {
    try {
      Template t = config.getTemplate(name);
      StringWriter out = new StringWriter();
      t.process(model, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
    }
  }
}
