package dev.switchboard.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
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
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/**
 * The plumbing of {@link TestSmsc}: a listener on the loopback interface only, with enough PDU
 * threads for the answers it holds back, and "not supported" for every operation but submit_sm.
 */
abstract class TestSmscBase implements ServerMessageReceiverListener {
  /** Threads answering PDUs: more than any test's window, since held answers keep theirs. */
  private static final int PDU_THREADS = 32;

  static SMPPServerSessionListener listen(int port, ServerMessageReceiverListener receiver) {
    try {
      SMPPServerSessionListener listener = new SMPPServerSessionListener(port, new Loopback());
      listener.setPduProcessorDegree(PDU_THREADS);
      listener.setMessageReceiverListener(receiver);
      return listener;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void closeListener(SMPPServerSessionListener listener) {
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
