import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;

/**
 * Starts mongo-java-server on loopback. Usage: Launcher <port> [h2-file] [--exit-on-stdin-eof]
 * With a file the H2 backend persists data; without one the memory backend serves.
 * The default announced version (wire 8) is below what the current Node driver accepts,
 * so the backend announces MongoDB 6.0 (wire 17) instead.
 */
public class Launcher {
    enum Announced implements MongoVersion {
        MONGO_6_0;
        public List<Integer> getVersionArray() { return List.of(6, 0, 0); }
        public int getWireVersion() { return 17; }
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        boolean exitWithParent = options.contains("--exit-on-stdin-eof");
        List<String> positional = options.stream().filter(arg -> !arg.startsWith("--")).toList();
        int port = Integer.parseInt(positional.get(0));
        MongoBackend backend = positional.size() > 1 ? new H2Backend(positional.get(1)) : new MemoryBackend();
        backend.version(Announced.MONGO_6_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println("mongo-java-server listening on 127.0.0.1:" + port);
        if (!exitWithParent) {
            Thread.currentThread().join();
        }
        // The parent keeps stdin open; when it dies without stopping us, stdin ends and so do we.
        while (System.in.read() != -1) {
            // ignore input
        }
        System.exit(0);
    }
}
