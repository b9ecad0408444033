/**
 * Uploaded files: detected type, media metadata, thumbnails, who may read them (owner, shares
 * into conversations, public), the domain's file policy, and the {@code FileStore} port.
 */
@Owns({"files", "file_shares", "file_policies"})
package dev.switchboard.file;

import dev.switchboard.shared.Owns;
