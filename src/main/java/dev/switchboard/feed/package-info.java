/**
 * The per-conversation change feed: every change is written with a dense {@code changeSeq} in
 * the transaction that makes it ({@link ChangeWriter}) and handed to the after-commit
 * subscribers (realtime's fan-out); realtime, webhooks and catch-up read it back by position.
 */
@Owns({"conversation_changes", "conversation_change_marks"})
package dev.switchboard.feed;

import dev.switchboard.shared.Owns;
