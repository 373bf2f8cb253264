package msftchina.search;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Runs an action when the process gets SIGHUP, through the JDK's {@code sun.misc.Signal} (module
 * jdk.unsupported). It is reached by reflection because javac's warning about that API cannot be
 * suppressed and the build fails on warnings.
 */
final class Hangup {

  private Hangup() {}

  /**
   * Runs {@code action} on each SIGHUP from now on; returns why it can't where the platform gives
   * no SIGHUP (Windows), or null.
   */
  static String onHangup(Runnable action) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object hup = signal.getConstructor(String.class).newInstance("HUP");
      Object onSignal =
          Proxy.newProxyInstance(
              handler.getClassLoader(),
              new Class<?>[] {handler},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "handle" -> {
                      action.run();
                      yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "SIGHUP handler";
                  });
      signal.getMethod("handle", signal, handler).invoke(null, hup, onSignal);
      return null;
    } catch (InvocationTargetException e) {
      return String.valueOf(e.getCause().getMessage());
    } catch (ReflectiveOperationException | RuntimeException e) {
      return e.toString();
    }
  }
}
