/**
 * What every module's JDBC storage ({@code X.internal}) shares: time columns in UTC and updates
 * that read their row back. Only storage packages use it (ArchitectureTest).
 */
package dev.switchboard.shared.jdbc;
