package dev.switchboard.feed;

import java.util.List;

/**
 * Told about changes once their transaction has committed, in log order, with every change of
 * that transaction at once. Runs on the committing thread: implementations hand work off rather
 * than block (realtime's fan-out does).
 */
public interface CommittedChanges {
  void committed(List<Change> changes);
}
