/**
 * What operators do across modules: the audit log of every admin action, console sessions, and
 * the user and domain actions that span modules (disable, enable, erase).
 */
@Owns({"audit_log", "operator_sessions"})
package dev.switchboard.operator;

import dev.switchboard.shared.Owns;
