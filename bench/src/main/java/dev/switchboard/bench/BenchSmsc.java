package dev.switchboard.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/**
 * The carrier of the SMS scenario: an SMSC on the loopback interface (jsmpp's server side, as
 * the server's own tests use) that answers every submit_sm after a fixed delay, as a carrier
 * answering in that time does, and then sends its DELIVRD receipt. Answers wait on the PDU
 * threads, so there are more of them than any window measured. It counts submits per
 * destination, to prove that none went twice.
 */
final class BenchSmsc implements ServerMessageReceiverListener, AutoCloseable {
  private static final int PDU_THREADS = 128;

  private final long delayMillis;
  private final SMPPServerSessionListener listener;
  private final Thread acceptor;
  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> perDestination = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(0x100000);
  private final AtomicInteger submits = new AtomicInteger();
  private final AtomicInteger receiptsSent = new AtomicInteger();
  private final AtomicInteger receiptFailures = new AtomicInteger();
  private final AtomicLong firstSubmit = new AtomicLong();
  private final AtomicLong lastSubmit = new AtomicLong();
  private final ExecutorService receipts = Executors.newFixedThreadPool(8);

  BenchSmsc(int port, long delayMillis) throws IOException {
    this.delayMillis = delayMillis;
    listener = new SMPPServerSessionListener(port, new Loopback());
    listener.setPduProcessorDegree(PDU_THREADS);
    listener.setMessageReceiverListener(this);
    acceptor = Thread.ofPlatform().name("bench-smsc").daemon().start(this::acceptLoop);
  }

  private void acceptLoop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        SMPPServerSession session = listener.accept();
        session.waitForBind(5_000).accept("bench-smsc");
        sessions.add(session);
      } catch (Exception e) {
        return;
      }
    }
  }

  int submits() {
    return submits.get();
  }

  int receiptsSent() {
    return receiptsSent.get();
  }

  int receiptFailures() {
    return receiptFailures.get();
  }

  /** Destinations that received more than one submit_sm: must be none. */
  long duplicates() {
    return perDestination.values().stream().filter(n -> n.get() > 1).count();
  }

  /** Nanoseconds from the first submit_sm received to the last. */
  long spanNanos() {
    return lastSubmit.get() - firstSubmit.get();
  }

  @Override
  public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source)
      throws ProcessRequestException {
    long now = System.nanoTime();
    firstSubmit.compareAndSet(0, now);
    perDestination.computeIfAbsent(submit.getDestAddress(), d -> new AtomicInteger())
        .incrementAndGet();
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessRequestException("stopping", 0x08);
    }
    String id = Long.toHexString(ids.incrementAndGet());
    // The span ends when the last answer leaves: delay included, as the server sees it.
    lastSubmit.set(System.nanoTime());
    submits.incrementAndGet();
    receipts.execute(() -> receipt(source, id, submit));
    try {
      return new SubmitSmResult(new org.jsmpp.util.MessageId(id), new OptionalParameter[0]);
    } catch (org.jsmpp.PDUStringException e) {
      throw new ProcessRequestException("bad id", 0x08);
    }
  }

  private void receipt(SMPPServerSession session, String id, SubmitSm submit) {
    String text = "id:" + id + " sub:001 dlvrd:001 submit date:2601010000 done date:2601010000"
        + " stat:DELIVRD err:000 text:";
    try {
      session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
          submit.getDestAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
          submit.getSourceAddr(),
          new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
          (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
          text.getBytes(StandardCharsets.US_ASCII));
      receiptsSent.incrementAndGet();
    } catch (Exception e) {
      receiptFailures.incrementAndGet();
    }
  }

  @Override
  public void close() throws IOException {
    acceptor.interrupt();
    receipts.shutdown();
    try {
      receipts.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sessions.forEach(SMPPServerSession::unbindAndClose);
    listener.close();
  }

  /** Listens on the loopback interface only. */
  private static final class Loopback implements ServerConnectionFactory {
    @Override
    public ServerConnection listen(int port) throws IOException {
      return listen(port, 0, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
      return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
      ServerSocket socket = new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
      socket.setSoTimeout(timeout);
      return new ServerSocketConnection(socket);
    }
  }

  private static ProcessRequestException unsupported() {
    return new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti s, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public void onAcceptCancelSm(CancelSm c, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession source)
      throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q,
      SMPPServerSession source) throws ProcessRequestException {
    throw unsupported();
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
    throw unsupported();
  }
}
