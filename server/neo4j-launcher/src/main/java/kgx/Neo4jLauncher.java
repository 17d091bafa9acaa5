package kgx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community (the real engine, embedded) with Bolt on loopback and authentication on.
 *
 * Arguments: home directory, Bolt port, password file. Prints one line "READY bolt://host:port" once Bolt
 * accepts connections. Stops cleanly on SIGTERM/SIGINT and when its standard input closes, so the database
 * never outlives the Node process that started it.
 */
public final class Neo4jLauncher {
  private Neo4jLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: Neo4jLauncher <home> <boltPort> <passwordFile> [pageCache]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    String password = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).trim();
    String pageCache = args.length > 3 ? args[3] : "256m";
    Files.createDirectories(home);

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
        .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
        // Bolt waits 5 s twice on shutdown for clients to leave; ours have closed their driver by then, so a
        // stop would otherwise idle 10 s after the data is already checkpointed.
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
        .build();

    Thread stopper = new Thread(() -> {
      System.out.println("STOPPING");
      System.out.flush();
      dbms.shutdown();
    }, "neo4j-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);

    try {
      setPassword(dbms, password);
      dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    } catch (RuntimeException e) {
      System.err.println("FAILED " + e.getMessage());
      System.exit(1);
    }

    System.out.println("READY bolt://127.0.0.1:" + port);
    System.out.flush();

    watchStandardInput();
  }

  /**
   * Sets the generated password through the embedded API, which bypasses authentication, before anyone connects.
   * Neo4j refuses to "change" a password to itself; on a restart with the same password that refusal is success.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (QueryExecutionException e) {
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
    }
  }

  /** Exits when the parent closes our stdin (it died or asked us to stop); the shutdown hook stops Neo4j. */
  private static void watchStandardInput() {
    Thread watcher = new Thread(() -> {
      InputStream in = System.in;
      byte[] buffer = new byte[256];
      try {
        while (in.read(buffer) >= 0) {
          // Input is ignored; only end-of-stream matters.
        }
      } catch (IOException ignored) {
        // A broken pipe means the parent is gone, same as end-of-stream.
      }
      System.exit(0);
    }, "stdin-watcher");
    watcher.setDaemon(false);
    watcher.start();
  }
}
