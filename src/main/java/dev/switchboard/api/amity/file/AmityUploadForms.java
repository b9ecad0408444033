package dev.switchboard.api.amity.file;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The multipart forms of Amity's uploads, as the OpenAPI document shows them. */
final class AmityUploadForms {
  private AmityUploadForms() {}

  /** {@code POST /api/v3/files}: one or more {@code file} parts. */
  record AmityV3UploadForm(
      @ArraySchema(schema = @Schema(type = "string", format = "binary")) List<String> file,
      @Schema(description = "The name to store instead of the part's") String preferredFilename,
      @Schema(example = "network", description = "public: anyone of the network; anything "
          + "else: the uploader and the channels it is posted into") String accessType,
      @Schema(description = "Text describing an image") String altText) {}

  /** {@code POST /api/v4/files|images|videos}: one or more {@code files} parts. */
  record AmityV4UploadForm(
      @ArraySchema(schema = @Schema(type = "string", format = "binary")) List<String> files,
      @Schema(description = "The name to store instead of the part's") String preferredFilename,
      @Schema(example = "network", description = "public: anyone of the network; anything "
          + "else: the uploader and the channels it is posted into") String accessType,
      @Schema(description = "Text describing an image") String altText) {}
}
