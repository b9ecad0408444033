package dev.switchboard.sms.internal;

/**
 * The two encodings an SMS is sent in, with their SMPP data_coding and their capacity: GSM 7-bit
 * counts septets, UCS-2 counts UTF-16 code units. A concatenated SMS loses room to the 6-byte
 * header in every segment (153 septets, 67 code units).
 */
enum SmsCoding {
  GSM7((byte) 0x00, 160, 153),
  UCS2((byte) 0x08, 70, 67);

  final byte dataCoding;
  final int singleCapacity;
  final int segmentCapacity;

  SmsCoding(byte dataCoding, int singleCapacity, int segmentCapacity) {
    this.dataCoding = dataCoding;
    this.singleCapacity = singleCapacity;
    this.segmentCapacity = segmentCapacity;
  }
}
