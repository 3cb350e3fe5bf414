import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Starts mongo-java-server on loopback. Usage: Launcher <port> [h2-file] [--exit-on-stdin-eof]
 * With a file the H2 backend persists data; without one the memory backend serves.
 * The default announced version (wire 8) is below what the current Node driver accepts,
 * so the backend announces MongoDB 6.0 (wire 17) instead.
 * Every backend is wrapped in {@link Serialized}, which gives the single-document atomicity
 * counters, reservations and claims rely on. The memory backend's collections are {@link Indexed}.
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
        MongoBackend backend = positional.size() > 1 ? new H2Backend(positional.get(1)) : new IndexedMemoryBackend();
        backend.version(Announced.MONGO_6_0);
        MongoServer server = new MongoServer(new Serialized(backend));
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

    /** The memory backend, whose collections are {@link Indexed}. */
    static final class IndexedMemoryBackend extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String name) {
            return new MemoryDatabase(name, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
                    return new Indexed(this, collection, options, cursorRegistry);
                }
            };
        }
    }

    /**
     * A collection that finds documents through a unique index whenever a query pins every key of that
     * index to a plain value, as MongoDB does. The library uses an index only when the query's keys are
     * exactly the index's, so `{ _id, status }` or `{ provider, eventId, claimId }` scanned the whole
     * collection, under the write lock for an update: one such write per request made a growing
     * collection the bottleneck of every process sharing the server. The index gives the candidates
     * and the whole query is still matched against each, so the answers are the same.
     */
    static final class Indexed extends MemoryCollection {
        Indexed(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document projection) {
            // A query on exactly an index's keys pins them too; one with operators on them is left to the library.
            for (Index<Integer> index : getIndexes()) {
                Document pinned = pinnedKeys(index, query);
                if (pinned != null && index.canHandle(pinned)) {
                    return matchDocuments(query, index.getPositions(pinned), orderBy, skip, limit, batchSize, projection);
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
        }

        /** The query's equality on each of the index's keys, or null when a key is missing or not a plain value. */
        private static Document pinnedKeys(Index<Integer> index, Document query) {
            if (!index.isUnique()) return null;
            Document pinned = new Document();
            for (IndexKey key : index.getKeys()) {
                Object value = query.get(key.getKey());
                boolean plain = value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof ObjectId || value instanceof Instant || value instanceof UUID;
                if (!plain) return null;
                pinned.put(key.getKey(), value);
            }
            return pinned;
        }
    }

    /**
     * Runs every command that may change data (insert, update, findAndModify, delete, index and
     * collection changes, anything not known to be a read) alone, and reads side by side but never
     * during a write. Replies are deep-copied before the lock is released: the backends answer with
     * the stored documents themselves, which Netty would otherwise encode after the lock, while the
     * next write changes them (two findAndModify $inc calls then report the same value).
     */
    static final class Serialized implements MongoBackend {
        private static final Set<String> READS = Set.of(
            "find", "getMore", "count", "distinct", "aggregate", "explain", "listCollections", "listIndexes",
            "listDatabases", "dbStats", "collStats", "hello", "isMaster", "ismaster", "ping", "buildInfo",
            "buildinfo", "serverStatus", "getParameter", "connectionStatus", "whatsmyuri", "getLog", "hostInfo",
            "getCmdLineOpts", "getFreeMonitoringStatus", "getLastError", "endSessions");

        private final MongoBackend backend;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

        Serialized(MongoBackend backend) {
            this.backend = backend;
        }

        static boolean isRead(String command, Document body) {
            if (!READS.contains(command)) return false;
            // An aggregation that ends in $out or $merge writes.
            if (command.equals("aggregate") && body.get("pipeline") instanceof List<?> stages) {
                for (Object stage : stages) {
                    if (stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge"))) return false;
                }
            }
            return true;
        }

        private <T> T under(boolean read, Supplier<T> work) {
            Lock held = read ? lock.readLock() : lock.writeLock();
            held.lock();
            try {
                return work.get();
            } finally {
                held.unlock();
            }
        }

        private static Document snapshot(Document reply) {
            return reply == null ? null : reply.cloneDeeply();
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            Document body = message.getDocument();
            String command = body.keySet().iterator().next();
            return under(isRead(command, body), () -> snapshot(backend.handleMessage(message)));
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return under(isRead(command, query), () -> snapshot(backend.handleCommand(channel, database, command, query)));
        }

        @Override
        public QueryResult handleQuery(MongoQuery query) {
            return under(true, () -> {
                QueryResult result = backend.handleQuery(query);
                List<Document> copies = result.collectDocuments().stream().map(Document::cloneDeeply).toList();
                return new QueryResult(copies, result.getCursorId());
            });
        }

        @Override
        public void handleClose(Channel channel) {
            under(false, () -> { backend.handleClose(channel); return null; });
        }

        @Override
        public void dropDatabase(String database) {
            under(false, () -> { backend.dropDatabase(database); return null; });
        }

        @Override
        public void closeCursors(List<Long> cursorIds) {
            under(false, () -> { backend.closeCursors(cursorIds); return null; });
        }

        @Override
        public Collection<Document> getCurrentOperations(MongoQuery query) {
            return backend.getCurrentOperations(query);
        }

        @Override
        public Document getServerStatus() {
            return under(true, backend::getServerStatus);
        }

        @Override
        public void close() {
            under(false, () -> { backend.close(); return null; });
        }

        @Override
        public Clock getClock() {
            return backend.getClock();
        }

        @Override
        public void enableOplog() {
            backend.enableOplog();
        }

        @Override
        public void disableOplog() {
            backend.disableOplog();
        }

        @Override
        public MongoDatabase resolveDatabase(String database) {
            return backend.resolveDatabase(database);
        }

        @Override
        public MongoBackend version(MongoVersion version) {
            backend.version(version);
            return this;
        }
    }
}
