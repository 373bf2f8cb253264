package msftchina.slack;

import java.util.function.Supplier;

/**
 * A value made at most once, on first use: an answer made by the outbox worker that sends it, not
 * made again when the send is retried.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class Once<T> implements Supplier<T> {

  private final Supplier<T> make;
  private T value;

  Once(Supplier<T> make) {
    this.make = make;
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = make.get();
    }
    return value;
  }
}
