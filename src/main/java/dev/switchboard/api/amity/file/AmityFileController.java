package dev.switchboard.api.amity.file;

import dev.switchboard.api.amity.AmityFileView;
import dev.switchboard.api.amity.AmityFiles;
import dev.switchboard.api.web.FileUrls;
import dev.switchboard.file.AccessType;
import dev.switchboard.file.FileKind;
import dev.switchboard.file.FileService;
import dev.switchboard.file.StoredFile;
import dev.switchboard.file.Upload;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Amity's file endpoints: uploads answer an array of Amity file objects, whose {@code fileId} a
 * message or channel then refers to. Types are detected from the bytes; the image and video
 * endpoints refuse anything else.
 */
@RestController
@Tag(name = "Amity files", description = "Amity-compatible file uploads")
@SecurityRequirement(name = "bearerToken")
class AmityFileController {
  static final int MAX_PREFERRED_NAME = 1024;

  private final FileService files;
  private final AmityFiles views;
  private final FileUrls urls;

  AmityFileController(FileService files, AmityFiles views, FileUrls urls) {
    this.files = files;
    this.views = views;
    this.urls = urls;
  }

  @PostMapping(path = "/api/v3/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Upload files (any allowed type); form part \"file\"")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
      schema = @Schema(implementation = AmityUploadForms.AmityV3UploadForm.class)))
  List<AmityFileView> uploadV3(@Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestPart(name = "file", required = false)
          List<MultipartFile> parts,
      @Parameter(hidden = true) @RequestParam(required = false) String preferredFilename,
      @Parameter(hidden = true) @RequestParam(required = false) String accessType,
      @Parameter(hidden = true) @RequestParam(required = false) String altText) {
    return upload(actor, parts, preferredFilename, accessType, altText, null);
  }

  @PostMapping(path = "/api/v4/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Upload files (any allowed type); form part \"files\"")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
      schema = @Schema(implementation = AmityUploadForms.AmityV4UploadForm.class)))
  List<AmityFileView> uploadFiles(@Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestPart(name = "files", required = false)
          List<MultipartFile> parts,
      @Parameter(hidden = true) @RequestParam(required = false) String preferredFilename,
      @Parameter(hidden = true) @RequestParam(required = false) String accessType,
      @Parameter(hidden = true) @RequestParam(required = false) String altText) {
    return upload(actor, parts, preferredFilename, accessType, altText, null);
  }

  @PostMapping(path = "/api/v4/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Upload images; anything that is not a picture is refused")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
      schema = @Schema(implementation = AmityUploadForms.AmityV4UploadForm.class)))
  List<AmityFileView> uploadImages(@Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestPart(name = "files", required = false)
          List<MultipartFile> parts,
      @Parameter(hidden = true) @RequestParam(required = false) String preferredFilename,
      @Parameter(hidden = true) @RequestParam(required = false) String accessType,
      @Parameter(hidden = true) @RequestParam(required = false) String altText) {
    return upload(actor, parts, preferredFilename, accessType, altText, FileKind.IMAGE);
  }

  @PostMapping(path = "/api/v4/videos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Upload videos; anything that is not a video is refused")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
      schema = @Schema(implementation = AmityUploadForms.AmityV4UploadForm.class)))
  List<AmityFileView> uploadVideos(@Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestPart(name = "files", required = false)
          List<MultipartFile> parts,
      @Parameter(hidden = true) @RequestParam(required = false) String preferredFilename,
      @Parameter(hidden = true) @RequestParam(required = false) String accessType,
      @Parameter(hidden = true) @RequestParam(required = false) String altText) {
    return upload(actor, parts, preferredFilename, accessType, altText, FileKind.VIDEO);
  }

  @GetMapping("/api/v3/files/{fileId}")
  @Operation(summary = "A file's information")
  AmityFileView get(@Parameter(hidden = true) Actor actor, @PathVariable String fileId) {
    return views.view(files.describe(actor, fileId));
  }

  @DeleteMapping("/api/v3/files/{fileId}")
  @Operation(summary = "Delete a file (its uploader or a domain administrator)")
  Map<String, Object> delete(@Parameter(hidden = true) Actor actor, @PathVariable String fileId) {
    files.delete(actor, fileId);
    return Map.of("status", "success", "data", Map.of("success", true));
  }

  /** Redirects to the file, or for {@code size} small or medium to its thumbnail when it has one. */
  @GetMapping("/api/v3/files/{fileId}/download")
  @Operation(summary = "Download a file (redirect to its URL)")
  @ApiResponse(responseCode = "302", description = "Redirect to the file (or its thumbnail)", headers = @Header(name = "Location", description = "The /files URL"))
  ResponseEntity<Void> download(@Parameter(hidden = true) Actor actor,
      @PathVariable String fileId, @RequestParam(required = false) String size) {
    new Violations()
        .check(size == null || List.of("full", "large", "medium", "small").contains(size),
            "size must be one of full, large, medium, small")
        .throwIfAny();
    StoredFile file = files.describe(actor, fileId);
    boolean small = ("small".equals(size) || "medium".equals(size)) && file.hasThumbnail();
    String target = small ? urls.thumbnail(file.id()) : urls.file(file.id());
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build();
  }

  private List<AmityFileView> upload(Actor actor, List<MultipartFile> parts,
      String preferredFilename, String accessType, String altText, FileKind requiredKind) {
    new Violations()
        .maxLength("preferredFilename", preferredFilename, MAX_PREFERRED_NAME)
        .check(accessType == null || List.of("public", "network", "private").contains(accessType),
            "accessType must be one of public, network, private")
        .throwIfAny();
    if (parts == null || parts.isEmpty()) {
      throw DomainException.invalid("at least one file is required");
    }
    List<InputStream> opened = new ArrayList<>();
    try {
      List<Upload> uploads = new ArrayList<>();
      for (MultipartFile part : parts) {
        InputStream in = part.getInputStream();
        opened.add(in);
        String name = preferredFilename != null && parts.size() == 1
            ? preferredFilename : part.getOriginalFilename();
        uploads.add(new Upload(in, name, part.getContentType()));
      }
      return files.uploadAll(actor, uploads, access(accessType), altText, requiredKind).stream()
          .map(views::view)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      opened.forEach(AmityFileController::closeQuietly);
    }
  }

  /**
   * Amity files are "public" (readable by anyone of the domain) or "network"; here "network" and
   * the default keep a file to its uploader and the channels it is posted into.
   */
  private static AccessType access(String accessType) {
    return "public".equals(accessType) ? AccessType.PUBLIC : AccessType.PRIVATE;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // Multipart parts are temporary; the container removes them after the request.
    }
  }
}
