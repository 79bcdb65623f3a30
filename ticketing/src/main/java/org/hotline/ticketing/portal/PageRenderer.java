package org.hotline.ticketing.portal;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders the portal's FreeMarker templates ({@code templates/*.ftlh} on the class path). The
 * {@code .ftlh} extension turns on HTML auto-escaping, so every {@code ${...}} is escaped unless a
 * template says otherwise; templates cannot reach Java classes ({@code ?new} and {@code ?api} are
 * off). Templates take no I/O: handlers load the data first, so rendering on an event loop is
 * cheap.
 */
public final class PageRenderer {

  private final Configuration config;

  public PageRenderer() {
    config = new Configuration(Configuration.VERSION_2_3_34);
    config.setClassLoaderForTemplateLoading(PageRenderer.class.getClassLoader(), "templates");
    config.setDefaultEncoding("UTF-8");
    config.setRecognizeStandardFileExtensions(true);
    config.setOutputFormat(HTMLOutputFormat.INSTANCE);
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    config.setAPIBuiltinEnabled(false);
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
  }

  /** The page {@code name} (without extension) rendered with {@code model}. */
  public String render(String name, Map<String, Object> model) {
    try {
      Template template = config.getTemplate(name + ".ftlh");
      StringWriter out = new StringWriter(8192);
      template.process(model, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("template " + name + " missing or unreadable", e);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
    }
  }
}
