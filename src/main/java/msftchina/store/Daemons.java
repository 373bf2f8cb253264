package msftchina.store;

import java.util.concurrent.ThreadFactory;

/** The store's background threads: daemons, so that they never keep a stopping JVM alive. */
final class Daemons {

  private Daemons() {}

  /** Returns a factory of daemon threads named {@code name}. */
  static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
