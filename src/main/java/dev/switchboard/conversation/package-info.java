/**
 * Conversations of every kind (direct, group, open channels, SMS sessions), their members,
 * channel settings, roles, bans and mutes, read and mention cursors, the sequence counters of
 * messages and changes, and the one posting rule ({@link ConversationAccess#requirePoster}).
 */
@Owns({"conversations", "conversation_members", "conversation_member_roles", "conversation_bans",
    "conversation_tags"})
package dev.switchboard.conversation;

import dev.switchboard.shared.Owns;
