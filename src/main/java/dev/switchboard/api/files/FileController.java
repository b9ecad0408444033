package dev.switchboard.api.files;

import dev.switchboard.api.web.NativeErrors;
import dev.switchboard.file.AccessType;
import dev.switchboard.file.ByteRange;
import dev.switchboard.file.FileContent;
import dev.switchboard.file.FileKind;
import dev.switchboard.file.FileService;
import dev.switchboard.file.StoredBytesUnavailable;
import dev.switchboard.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves files and thumbnails to authenticated users of their domain, whatever dialect they came
 * through. Bytes are streamed straight from the store to the response (never buffered whole), so
 * this writes the servlet response itself; answers without a body (304, 416) are returned as
 * entities, failures render in the native envelope.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Files", description = "Download uploaded files and thumbnails (any API's token)")
public class FileController {
  /** Content never changes under its URL; access might, so caches hold it a day at most. */
  private static final String MAX_AGE = "max-age=86400";
  /** Read before anything is sent: small files are checked whole, large ones at their start. */
  private static final int PREFETCH = 64 * 1024;

  private final FileService files;
  private final NativeErrors errors;

  public FileController(FileService files, NativeErrors errors) {
    this.files = files;
    this.errors = errors;
  }

  @GetMapping("/files/{fileId}")
  @Operation(summary = "Download a file the caller may read (bearer token of any API)")
  @ApiResponse(responseCode = "200", description = "The bytes, streamed; ETag, Cache-Control and Accept-Ranges set", content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "206", description = "The requested byte range (Range header)", content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
  @ApiResponse(responseCode = "416", description = "Range not satisfiable", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NativeError")))
  ResponseEntity<Object> file(Actor actor, @PathVariable String fileId, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    return serve(files.openForRead(actor, fileId, false), request, response);
  }

  @GetMapping("/files/{fileId}/thumbnail")
  @Operation(summary = "Download a file's thumbnail (JPEG or PNG)")
  @ApiResponse(responseCode = "200", description = "The bytes, streamed; ETag, Cache-Control and Accept-Ranges set", content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "206", description = "The requested byte range (Range header)", content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag)")
  @ApiResponse(responseCode = "416", description = "Range not satisfiable", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NativeError")))
  ResponseEntity<Object> thumbnail(Actor actor, @PathVariable String fileId,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    return serve(files.openForRead(actor, fileId, true), request, response);
  }

  private ResponseEntity<Object> serve(FileContent content, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    String etag = "\"" + content.sha256() + "\"";
    HttpHeaders headers = new HttpHeaders();
    headers.setETag(etag);
    headers.setCacheControl(
        (content.accessType() == AccessType.PRIVATE ? "private, " : "public, ") + MAX_AGE);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Content-Security-Policy", ActiveContent.POLICY);
    headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
    if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
    }
    String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
    ByteRanges.Decision decision =
        ifRange == null || ifRange.strip().equals(etag)
            ? ByteRanges.decide(request.getHeader(HttpHeaders.RANGE), content.size())
            : ByteRanges.Decision.WHOLE;
    if (!decision.satisfiable()) {
      ResponseEntity<Object> refused =
          errors.renderStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Range not satisfiable");
      headers.addAll(refused.getHeaders());
      headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + content.size());
      return new ResponseEntity<>(refused.getBody(), headers, refused.getStatusCode());
    }
    ByteRange range = decision.range();
    long length = range == null ? content.size() : range.length();
    // Everything that can fail is tried before the status line and headers go out: a missing or
    // short blob, an unreadable first block. Until then a failure is an ordinary error answer.
    try (InputStream in = content.open(range)) {
      byte[] head = in.readNBytes((int) Math.min(length, PREFETCH));
      if (head.length < Math.min(length, PREFETCH)) {
        throw new StoredBytesUnavailable("File " + content.file().id() + " ended after "
            + head.length + " of " + length + " bytes");
      }
      headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
      response.setContentType(content.mimeType());
      boolean inline =
          FileKind.of(content.mimeType()) != FileKind.FILE && !ActiveContent.isActive(content.mimeType());
      response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
          ContentDispositions.of(inline, content.fileName()));
      if (range == null) {
        response.setStatus(HttpStatus.OK.value());
      } else {
        response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
        response.setHeader(HttpHeaders.CONTENT_RANGE,
            "bytes " + range.first() + "-" + range.last() + "/" + content.size());
      }
      response.setContentLengthLong(length);
      OutputStream out = response.getOutputStream();
      out.write(head);
      ExactCopy.copy(in, out, length - head.length, content.file().id());
    }
    // Written above: a null entity tells Spring MVC the response is complete.
    return null;
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
