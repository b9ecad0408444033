package dev.switchboard.messagesession;

import java.util.List;

/** A page of a session's messages with what rendering them needs: the session and its members. */
public record SessionMessages(SessionRow row, List<String> members, List<SessionMessage> messages) {}
