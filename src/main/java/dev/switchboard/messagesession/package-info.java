/**
 * NetSapiens' message sessions over conversations: session ids, the numbers of SMS sessions,
 * what a session knows of its messages (direction, numbers, delivery status), per-user hiding,
 * and the posting rule of SMS sessions ({@link SmsSessionRule}).
 */
@Owns({"message_sessions", "message_session_items", "message_session_hidden"})
package dev.switchboard.messagesession;

import dev.switchboard.shared.Owns;
