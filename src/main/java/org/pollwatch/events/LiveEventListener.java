package org.pollwatch.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.pollwatch.events.config.EventsConfig;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * LISTENs on {@value LiveEventPublisher#CHANNEL} over a connection of its own (outside the pool: it
 * is held for the instance's life), on a thread of its own. A notification only wakes it: it then
 * reads the events after the last one it passed on from {@code live_event}, so after a lost
 * connection it reconnects and catches up with what was committed meanwhile, in order.
 * Each event is also fired as a CDI {@link LiveEvent} on that thread, for this instance's own reactions
 * to a change committed by any instance (observers must return quickly). It also prunes the history to
 * {@link EventsConfig#historySize()} and {@link EventsConfig#historyAge()}.
 */
@ApplicationScoped
public class LiveEventListener {

    private static final Logger LOG = Logger.getLogger(LiveEventListener.class);
    private static final int POLL_MILLIS = 500;
    private static final long PRUNE_EVERY_MILLIS = 60_000;

    private final EventsConfig config;
    private final LiveEventHistory history;
    private final LiveEventHub hub;
    private final Config settings;
    private final Event<LiveEvent> received;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;
    /** The last event passed on to the hub; -1 until the first connection says where the stream is. */
    private long last = -1;

    public LiveEventListener(
            EventsConfig config,
            LiveEventHistory history,
            LiveEventHub hub,
            Config settings,
            Event<LiveEvent> received) {
        this.config = config;
        this.history = history;
        this.hub = hub;
        this.settings = settings;
        this.received = received;
    }

    void start(@Observes StartupEvent start) {
        running = true;
        thread = new Thread(this::run, "pollwatch-events-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the instance is listening now (false while the database is out of reach). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        boolean warned = false;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + LiveEventPublisher.CHANNEL);
                }
                if (last < 0) {
                    last = latest(connection);
                }
                catchUp(connection);
                listening = true;
                if (warned) {
                    LOG.info("Listening for live events again");
                    warned = false;
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                long pruned = 0;
                while (running) {
                    PGNotification[] woken = notifications.getNotifications(POLL_MILLIS);
                    if (woken != null && woken.length > 0) {
                        catchUp(connection);
                    }
                    long now = System.currentTimeMillis();
                    if (now - pruned > PRUNE_EVERY_MILLIS) {
                        prune(connection);
                        pruned = now;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                if (!warned) {
                    LOG.warnf(
                            "Live events: lost the database (%s); retrying every %s",
                            e.getMessage(), config.reconnectDelay());
                    warned = true;
                }
                try {
                    Thread.sleep(config.reconnectDelay().toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        String url = settings.getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                .orElseThrow(() -> new SQLException("no datasource URL configured"));
        Properties properties = new Properties();
        settings.getOptionalValue("quarkus.datasource.username", String.class)
                .ifPresent(user -> properties.setProperty("user", user));
        settings.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "3");
        // a dead peer is noticed by the next prune query at the latest; keep-alives help idle NATs
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "pollwatch-events");
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(true);
        return connection;
    }

    private static long latest(Connection connection) throws SQLException {
        try (PreparedStatement select =
                        connection.prepareStatement("select value from live_event_counter where id = 1");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private void catchUp(Connection connection) throws SQLException {
        long latest = latest(connection);
        while (last < latest) {
            List<LiveEvent> events = history.read(connection, last, latest);
            if (events.isEmpty()) {
                // pruned meanwhile (a long outage): the subscribers' own resumption says what they missed
                last = latest;
                break;
            }
            for (LiveEvent event : events) {
                hub.deliver(event);
                last = event.id();
                announce(event);
            }
        }
    }

    private void announce(LiveEvent event) {
        try {
            received.fire(event);
        } catch (RuntimeException e) {
            // an observer's failure must not stop the stream of the others
            LOG.warnf(e, "An observer of live event %d failed", event.id());
        }
    }

    private void prune(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from live_event where id <= (select value from live_event_counter where id = 1) - ?"
                        + " or created_at < now() - make_interval(secs => ?)")) {
            delete.setInt(1, config.historySize());
            delete.setDouble(2, config.historyAge().toMillis() / 1000.0);
            delete.executeUpdate();
        }
    }
}
