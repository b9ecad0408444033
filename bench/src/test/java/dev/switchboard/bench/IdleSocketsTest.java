package dev.switchboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IdleSocketsTest {
  @Test
  void readsTheHeapInUseAsG1AndZgcReportIt() {
    String g1 = "1234:\n garbage-first heap   total 262144K, used 131072K [0x0000000700000000, 0x0000000800000000)\n"
        + "  region size 4096K, 10 young (40960K), 2 survivors (8192K)\n";
    String zgc = "13773:\nZHeap            used 140M, capacity 378M, max capacity 6038M\n Cache           318M (1)\n";
    assertEquals(128.0, IdleSockets.usedMb(g1), 1e-9);
    assertEquals(140.0, IdleSockets.usedMb(zgc), 1e-9);
    assertThrows(IllegalStateException.class, () -> IdleSockets.usedMb("13773:\nnothing here\n"));
  }
}
