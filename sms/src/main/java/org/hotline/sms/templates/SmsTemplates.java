package org.hotline.sms.templates;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.hotline.sms.text.SegmentPreview;
import org.hotline.sms.text.Segmenter;

/**
 * Renders SMS texts with FreeMarker. Chinese defaults ship in {@code
 * org/hotline/sms/templates/NAME.ftl}; an administrator's edit (stored by the core) replaces one at
 * runtime with {@link #override}. Plain-text output (no escaping); numbers print without grouping
 * so order numbers stay intact. The engine is created once; thread-safe.
 */
public final class SmsTemplates {

  /** Names of the shipped templates. */
  public static final List<String> NAMES =
      List.of(
          "receipt",
          "dispatch_notice",
          "warning",
          "overdue",
          "result",
          "survey",
          "thanks",
          "status_reply",
          "status_refused",
          "help",
          "opt_out_confirm");

  private final Configuration cfg;
  private final StringTemplateLoader overrides = new StringTemplateLoader();

  /** A rendered text and what it costs. */
  public record Preview(String text, SegmentPreview cost) {}

  public SmsTemplates() {
    cfg = new Configuration(Configuration.VERSION_2_3_33);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
    cfg.setNumberFormat("computer");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setLocalizedLookup(false);
    cfg.setTemplateLoader(
        new MultiTemplateLoader(
            new TemplateLoader[] {
              overrides, new ClassTemplateLoader(SmsTemplates.class, "/org/hotline/sms/templates")
            }));
  }

  /** Renders a named template; unknown names and template errors are IllegalArgumentException. */
  public String render(String name, Map<String, ?> model) {
    try {
      return process(cfg.getTemplate(name + ".ftl"), model);
    } catch (TemplateNotFoundException e) {
      throw new IllegalArgumentException("no SMS template " + name, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("template " + name + ": " + e.getMessage(), e);
    }
  }

  /** Renders template source passed by the caller (e.g. an edit being previewed). */
  public String renderSource(String source, Map<String, ?> model) {
    try {
      return process(new Template("inline", source, cfg), model);
    } catch (IOException e) {
      throw new IllegalArgumentException("template syntax: " + e.getMessage(), e);
    }
  }

  public Preview preview(String name, Map<String, ?> model) {
    String text = render(name, model);
    return new Preview(text, Segmenter.preview(text));
  }

  public Preview previewSource(String source, Map<String, ?> model) {
    String text = renderSource(source, model);
    return new Preview(text, Segmenter.preview(text));
  }

  /** Replaces a template by an administrator's edit; the source is checked for syntax first. */
  public synchronized void override(String name, String source) {
    try {
      new Template(name, source, cfg);
    } catch (IOException e) {
      throw new IllegalArgumentException("template syntax: " + e.getMessage(), e);
    }
    overrides.putTemplate(name + ".ftl", source);
    cfg.clearTemplateCache();
  }

  /** Goes back to the shipped default. */
  public synchronized void reset(String name) {
    overrides.removeTemplate(name + ".ftl");
    cfg.clearTemplateCache();
  }

  private String process(Template t, Map<String, ?> model) {
    StringWriter out = new StringWriter();
    try {
      t.process(model, out);
    } catch (TemplateException | IOException e) {
      throw new IllegalArgumentException(
          "template "
              + t.getName()
              + ": "
              + e.getMessage().lines().limit(2).reduce("", (a, b) -> a + " " + b).strip(),
          e);
    }
    return out.toString().strip();
  }
}
