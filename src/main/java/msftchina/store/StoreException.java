package msftchina.store;

/**
 * The database can't be used as the store: a corrupt or foreign file, a schema from a newer
 * version, a server that refuses us. Its message is one line naming the database.
 */
public final class StoreException extends Exception {

  StoreException(String message) {
    super(message);
  }
}
