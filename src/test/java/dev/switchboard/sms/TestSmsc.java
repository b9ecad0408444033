package dev.switchboard.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.SubmitSmResult;

/**
 * A real SMSC on 127.0.0.1, built on jsmpp's server side: it accepts transceiver, transmitter
 * and receiver binds, answers submit_sm (recording each), and can misbehave as carriers do:
 * refuse or throttle chosen destinations, never answer some, hold every answer until released,
 * answer late, send receipts before its submit answer or every segment's receipt at once, and
 * die mid-burst ({@link #kill}).
 */
public final class TestSmsc extends TestSmscBase implements AutoCloseable {
  static final int ESME_RINVDSTADR = 0x0B;
  static final int ESME_RTHROTTLED = 0x58;

  /** When the SMSC sends delivery receipts on its own. */
  enum Receipts {
    /** Only when the test calls {@link #sendReceipt}. */
    MANUAL,
    /** DELIVRD for a segment before answering its submit_sm: the receipt overtakes the answer. */
    BEFORE_ANSWER,
    /** DELIVRD for every segment of a message at once, on as many threads, after the last one. */
    ALL_AT_ONCE
  }

  public final List<SubmitSm> submits = new CopyOnWriteArrayList<>();
  final Set<String> rejected = ConcurrentHashMap.newKeySet();
  final Set<String> throttled = ConcurrentHashMap.newKeySet();
  /** Destinations whose submit_sm are recorded but never answered. */
  final Set<String> silent = ConcurrentHashMap.newKeySet();
  /** "destination/segment" pairs refused for good, e.g. "15551230001/2". */
  final Set<String> rejectedSegments = ConcurrentHashMap.newKeySet();
  final List<BindType> binds = new CopyOnWriteArrayList<>();
  volatile Receipts receipts = Receipts.MANUAL;
  volatile Duration answerDelay = Duration.ZERO;
  private final List<String> acceptedIds = new CopyOnWriteArrayList<>();
  private final Map<String, List<String>> messageParts = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(0x5000);
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicInteger nextReceiver = new AtomicInteger();
  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  private final SMPPServerSessionListener listener;
  private final Thread acceptor;
  private volatile CountDownLatch holding = new CountDownLatch(0);
  private final CountDownLatch dead = new CountDownLatch(1);
  private volatile boolean killed;

  public TestSmsc(int port) {
    listener = listen(port, this);
    acceptor = Thread.ofPlatform().name("test-smsc").daemon().start(this::acceptLoop);
  }

  /**
   * A free port below the ephemeral range (32768 and up on Linux): a client reconnecting to a
   * closed ephemeral port can be given that very port as its own and connect to itself, which
   * then keeps an SMSC restarted on it from binding.
   */
  public static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        // Taken: try another.
      }
    }
    throw new UncheckedIOException(new IOException("no free port in 20000-31999"));
  }

  private void acceptLoop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        SMPPServerSession accepted = listener.accept();
        BindRequest bind = accepted.waitForBind(5_000);
        bind.accept("test-smsc");
        // A client that records a receipt under load may take a while to answer deliver_sm.
        accepted.setTransactionTimer(10_000);
        binds.add(bind.getBindType());
        sessions.add(accepted);
      } catch (Exception e) {
        return;
      }
    }
  }

  public boolean bound() {
    return sessions.stream().anyMatch(s -> s.getSessionState().isBound());
  }

  public List<String> acceptedIds() {
    return List.copyOf(acceptedIds);
  }

  long submitsTo(String destination) {
    return submits.stream().filter(s -> s.getDestAddress().equals(destination)).count();
  }

  /** From now on every answer waits for {@link #releaseAnswers} (or a kill). */
  void holdAnswers() {
    holding = new CountDownLatch(1);
  }

  void releaseAnswers() {
    holding.countDown();
  }

  /** Submits received whose answer is being held. */
  int held() {
    return held.get();
  }

  @Override
  public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
      throws ProcessRequestException {
    String destination = submitSm.getDestAddress();
    submits.add(submitSm);
    if (rejected.contains(destination)
        || rejectedSegments.contains(destination + "/" + segment(submitSm))) {
      throw new ProcessRequestException("invalid destination", ESME_RINVDSTADR);
    }
    if (throttled.contains(destination)) {
      throw new ProcessRequestException("throttled", ESME_RTHROTTLED);
    }
    if (silent.contains(destination)) {
      await(dead, Duration.ofMinutes(5));
      throw new ProcessRequestException("killed", 0x08);
    }
    held.incrementAndGet();
    await(holding, Duration.ofMinutes(5));
    held.decrementAndGet();
    if (killed) {
      throw new ProcessRequestException("killed: never answered", 0x08);
    }
    pause(answerDelay);
    String id = Long.toHexString(ids.incrementAndGet());
    acceptedIds.add(id);
    switch (receipts) {
      case BEFORE_ANSWER -> sendReceiptQuietly(id, "DELIVRD");
      case ALL_AT_ONCE -> allAtOnce(submitSm, id);
      case MANUAL -> { }
    }
    try {
      return new SubmitSmResult(new org.jsmpp.util.MessageId(id), new OptionalParameter[0]);
    } catch (PDUStringException e) {
      throw new ProcessRequestException("bad id", 0x08);
    }
  }

  private static int segment(SubmitSm submit) {
    return submit.isUdhi() ? submit.getShortMessage()[5] : 1;
  }

  /** Once the last segment of a message is in, its receipts leave together, one thread each. */
  private void allAtOnce(SubmitSm submit, String id) {
    byte[] message = submit.getShortMessage();
    int total = submit.isUdhi() ? message[4] : 1;
    String key = submit.getDestAddress() + "/" + (submit.isUdhi() ? message[3] : "single");
    List<String> parts = messageParts.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
    parts.add(id);
    if (parts.size() == total) {
      CountDownLatch start = new CountDownLatch(1);
      for (String part : parts) {
        Thread.ofPlatform().daemon().start(() -> {
          await(start, Duration.ofSeconds(5));
          sendReceiptQuietly(part, "DELIVRD");
        });
      }
      start.countDown();
    }
  }

  public void sendReceipt(String messageId, String stat) throws Exception {
    String text = "id:" + messageId + " sub:001 dlvrd:001 submit date:2511211030"
        + " done date:2511211031 stat:" + stat + " err:000 text:";
    receiver().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
        "15550000001", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "15550000002",
        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
        (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes());
  }

  /** As SMSCs do, a receipt without an answer is delivered again (the client must dedupe). */
  private void sendReceiptQuietly(String messageId, String stat) {
    for (int attempt = 1; ; attempt++) {
      try {
        sendReceipt(messageId, stat);
        return;
      } catch (Exception e) {
        if (attempt == 3 || killed) {
          throw new IllegalStateException("receipt for " + messageId + " not delivered", e);
        }
      }
    }
  }

  public void sendMo(String from, String to, byte dataCoding, boolean udh, byte[] message)
      throws Exception {
    ESMClass esm = udh
        ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
        : new ESMClass();
    receiver().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
        from, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, esm, (byte) 0, (byte) 0,
        new RegisteredDelivery(0), DataCodings.newInstance(dataCoding), message);
  }

  /** A bound session that may receive deliver_sm: a transceiver or a receiver, in turn. */
  private SMPPServerSession receiver() {
    List<SMPPServerSession> receivers = sessions.stream()
        .filter(s -> s.getSessionState().isBound() && s.getSessionState().isReceivable())
        .toList();
    if (receivers.isEmpty()) {
      throw new IllegalStateException("no receiving session is bound");
    }
    return receivers.get(Math.floorMod(nextReceiver.getAndIncrement(), receivers.size()));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Dies as a crashed SMSC does: sockets closed without unbind, answers never sent. */
  void kill() {
    killed = true;
    acceptor.interrupt();
    sessions.forEach(SMPPServerSession::close);
    closeListener(listener);
    dead.countDown();
    releaseAnswers();
  }

  @Override
  public void close() {
    acceptor.interrupt();
    dead.countDown();
    releaseAnswers();
    for (SMPPServerSession session : sessions) {
      if (session.getSessionState().isBound()) {
        session.unbindAndClose();
      } else {
        session.close();
      }
    }
    closeListener(listener);
  }

  private static void await(CountDownLatch latch, Duration max) {
    try {
      latch.await(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
