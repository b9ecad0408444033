package dev.switchboard.realtime;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Catch-up over HTTP: the same changes the WebSocket delivers, by position. */
@RestController
@Tag(name = "Realtime", description = "Per-conversation change log")
@SecurityRequirement(name = "bearerToken")
class ChangesController {
  private final ChangeFeed feed;

  ChangesController(ChangeFeed feed) {
    this.feed = feed;
  }

  record ChangesPage(String conversationId, List<ChangeView> changes, boolean hasMore, long next) {}

  @GetMapping("/realtime/v1/changes")
  @Operation(summary = "Changes of a conversation after a change sequence, oldest first")
  @ApiResponse(responseCode = "200", description = "Changes after `after`, oldest first")
  @ApiResponse(responseCode = "410", description = "The changes after `after` were compacted away: resync", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NativeError")))
  ChangesPage changes(
      @Parameter(hidden = true) Actor actor,
      @RequestParam String conversationId,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    ChangeFeed.Page page = feed.after(actor, conversationId, after, limit);
    List<ChangeView> views =
        page.changes().stream()
            .map(c -> new ChangeView(null, null, c.changeSeq(), c.event(),
                Timestamps.iso(c.createdAt()), c.payload()))
            .toList();
    long next = page.changes().isEmpty() ? after : page.changes().getLast().changeSeq();
    return new ChangesPage(conversationId, views, page.hasMore(), next);
  }
}
