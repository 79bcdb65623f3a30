package org.hotline.ticketing.web;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hotline.ticketing.attachment.Attachment;
import org.hotline.ticketing.attachment.AttachmentService;
import org.hotline.ticketing.attachment.AttachmentSettings;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * POST/GET /api/tickets/{id}/attachments and GET /api/attachments/{id}. Uploads are multipart
 * (field {@code file}, one or more); the route has its own body handler that spools them under the
 * data directory and stops at the upload limit.
 */
public final class AttachmentHandlers {

  /** The upload route; ApiRouter gives it the upload body handler and limit. */
  public static final String UPLOAD_PATH = "/api/tickets/:id/attachments";

  private final AttachmentService service;

  public AttachmentHandlers(AttachmentService service) {
    this.service = service;
  }

  /** Whether a request is an upload (it gets the multipart body handler, not the JSON one). */
  public static boolean isUpload(RoutingContext ctx) {
    String path = ctx.request().path();
    return ctx.request().method() == io.vertx.core.http.HttpMethod.POST
        && path.startsWith("/api/tickets/")
        && path.endsWith("/attachments")
        && path.indexOf('/', "/api/tickets/".length()) == path.length() - "/attachments".length();
  }

  /** The body handler of uploads: spooled to disk under the data directory, never in memory. */
  public BodyHandler bodyHandler() {
    AttachmentSettings s = service.settings();
    return BodyHandler.create(s.uploadsDir().toString())
        .setBodyLimit(s.maxBodyBytes())
        .setDeleteUploadedFilesOnEnd(true)
        .setMergeFormAttributes(true);
  }

  public long maxBodyBytes() {
    return service.settings().maxBodyBytes();
  }

  public void upload(RoutingContext ctx) {
    long id = Inputs.pathId(ctx);
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw WorkflowException.invalid("Content-Type", "upload files as multipart/form-data");
    }
    List<AttachmentService.Upload> files =
        ctx.fileUploads().stream()
            .map(
                f ->
                    new AttachmentService.Upload(
                        f.fileName(), Path.of(f.uploadedFileName()), f.size()))
            .toList();
    service
        .upload(Sessions.actor(ctx), id, files)
        .onSuccess(added -> Json.created(ctx, array(added)))
        .onFailure(ctx::fail);
  }

  public void list(RoutingContext ctx) {
    service
        .list(Sessions.actor(ctx), Inputs.pathId(ctx))
        .onSuccess(list -> Json.ok(ctx, array(list)))
        .onFailure(ctx::fail);
  }

  /** The file itself, always as a download with its checked type and never sniffed. */
  public void download(RoutingContext ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw WorkflowException.notFound("no such attachment: " + ctx.pathParam("id"));
    }
    service
        .download(Sessions.actor(ctx), id)
        .onSuccess(
            d ->
                ctx.response()
                    .putHeader("Content-Type", d.meta().contentType())
                    .putHeader("Content-Disposition", disposition(d.meta().name()))
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
                    .putHeader("Cache-Control", "private, no-store")
                    .sendFile(d.file().toString())
                    .onFailure(ctx::fail))
        .onFailure(ctx::fail);
  }

  /** RFC 6266: an ASCII fallback name and the UTF-8 name (RFC 5987) for browsers that know it. */
  static String disposition(String name) {
    StringBuilder ascii = new StringBuilder();
    for (char c : name.toCharArray()) {
      ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' ? c : '_');
    }
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  private static JsonArray array(List<Attachment> list) {
    JsonArray out = new JsonArray();
    list.forEach(a -> out.add(a.toJson()));
    return out;
  }
}
