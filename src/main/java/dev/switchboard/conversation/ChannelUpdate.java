package dev.switchboard.conversation;

import dev.switchboard.shared.Violations;
import java.util.List;

/** Changes to a channel's settings; a null field stays as it is. */
public record ChannelUpdate(
    String displayName,
    String avatarFileId,
    String metadata,
    List<String> tags,
    Boolean autoDeleteEnabled,
    Integer autoDeleteFlagLimit) {

  void validate() {
    Violations v = new Violations();
    ChannelLimits.checkSettings(v, displayName, avatarFileId, metadata, tags, autoDeleteFlagLimit);
    v.throwIfAny();
  }
}
