package msftchina.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;

/**
 * Closes a new connection from an address that already holds {@link #max} open ones. Jetty's own
 * limits ({@code ConnectionLimit}, {@code NetworkConnectionLimit}) count all addresses together, so
 * one client could take them all.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class PerAddressLimit implements Connection.Listener {

  private final int max;
  private final ConcurrentHashMap<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();

  /** The address of each open connection: once closed, an endpoint may no longer tell it. */
  private final ConcurrentHashMap<Connection, InetAddress> addresses = new ConcurrentHashMap<>();

  PerAddressLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1");
    }
    this.max = max;
  }

  @Override
  public void onOpened(Connection connection) {
    InetAddress address = addressOf(connection);
    if (address == null) {
      return;
    }
    addresses.put(connection, address);
    int now = open.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    if (now > max) {
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    InetAddress address = addresses.remove(connection);
    if (address == null) {
      return;
    }
    open.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  private static InetAddress addressOf(Connection connection) {
    SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
  }
}
