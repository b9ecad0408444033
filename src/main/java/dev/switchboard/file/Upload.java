package dev.switchboard.file;

import java.io.InputStream;

/**
 * Bytes a client sends, with what it claims about them. The claims are only used to refuse a
 * contradiction and to name downloads: the type is always detected from the bytes.
 *
 * @param declaredName the client's file name, sanitized before use; may be null
 * @param declaredMimeType the client's content type; may be null
 */
public record Upload(InputStream content, String declaredName, String declaredMimeType) {}
