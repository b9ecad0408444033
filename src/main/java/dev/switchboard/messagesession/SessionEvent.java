package dev.switchboard.messagesession;

import java.util.List;

/**
 * A change of a session as one member sees it: the session, its members, and the message the
 * change is about (null for changes about no message, or when the message is gone).
 */
public record SessionEvent(MessageSession session, List<String> members, SessionMessage message) {}
