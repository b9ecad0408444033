/**
 * Messages: the one way to post ({@link MessageService#post} with {@link PostMessage}), history,
 * threads, tags, edits, reactions and flags.
 */
@Owns({"messages", "message_tags", "message_reactions", "message_flags"})
package dev.switchboard.message;

import dev.switchboard.shared.Owns;
