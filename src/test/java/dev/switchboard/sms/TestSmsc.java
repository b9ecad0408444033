package dev.switchboard.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
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
 * A real SMSC on 127.0.0.1, built on jsmpp's server side: it accepts binds, answers submit_sm
 * (recording each), refuses chosen destinations, and sends deliver_sm receipts and MO messages.
 */
public final class TestSmsc implements ServerMessageReceiverListener, AutoCloseable {
  static final int ESME_RINVDSTADR = 0x0B;
  static final int ESME_RTHROTTLED = 0x58;

  public final List<SubmitSm> submits = new CopyOnWriteArrayList<>();
  final Set<String> rejected = ConcurrentHashMap.newKeySet();
  final Set<String> throttled = ConcurrentHashMap.newKeySet();
  private final List<String> acceptedIds = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(0x5000);
  private final SMPPServerSessionListener listener;
  private final Thread acceptor;
  private volatile SMPPServerSession session;

  public TestSmsc(int port) {
    try {
      listener = new SMPPServerSessionListener(port, new Loopback());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    listener.setMessageReceiverListener(this);
    acceptor = new Thread(this::acceptLoop, "test-smsc");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void acceptLoop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        SMPPServerSession accepted = listener.accept();
        accepted.waitForBind(5_000).accept("test-smsc");
        session = accepted;
      } catch (Exception e) {
        return;
      }
    }
  }

  public boolean bound() {
    SMPPServerSession current = session;
    return current != null && current.getSessionState().isBound();
  }

  public List<String> acceptedIds() {
    return List.copyOf(acceptedIds);
  }

  @Override
  public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
      throws ProcessRequestException {
    if (rejected.contains(submitSm.getDestAddress())) {
      submits.add(submitSm);
      throw new ProcessRequestException("invalid destination", ESME_RINVDSTADR);
    }
    if (throttled.contains(submitSm.getDestAddress())) {
      submits.add(submitSm);
      throw new ProcessRequestException("throttled", ESME_RTHROTTLED);
    }
    try {
      String id = Long.toHexString(ids.incrementAndGet());
      submits.add(submitSm);
      acceptedIds.add(id);
      return new SubmitSmResult(new org.jsmpp.util.MessageId(id), new OptionalParameter[0]);
    } catch (PDUStringException e) {
      throw new ProcessRequestException("bad id", 0x08);
    }
  }

  public void sendReceipt(String messageId, String stat) throws Exception {
    String text = "id:" + messageId + " sub:001 dlvrd:001 submit date:2511211030"
        + " done date:2511211031 stat:" + stat + " err:000 text:";
    session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
        "15550000001", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "15550000002",
        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
        (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes());
  }

  public void sendMo(String from, String to, byte dataCoding, boolean udh, byte[] message)
      throws Exception {
    ESMClass esm = udh
        ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
        : new ESMClass();
    session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, esm, (byte) 0, (byte) 0,
        new RegisteredDelivery(0), DataCodings.newInstance(dataCoding), message);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    acceptor.interrupt();
    SMPPServerSession current = session;
    if (current != null) {
      current.unbindAndClose();
    }
    try {
      listener.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Listens on the loopback interface only. */
  private static final class Loopback implements ServerConnectionFactory {
    @Override
    public ServerConnection listen(int port) throws IOException {
      return new ServerSocketConnection(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
      ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      socket.setSoTimeout(timeout);
      return new ServerSocketConnection(socket);
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
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source)
      throws ProcessRequestException {
    throw unsupported();
  }
}
