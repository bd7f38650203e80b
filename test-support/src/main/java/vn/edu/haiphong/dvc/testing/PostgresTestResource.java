package vn.edu.haiphong.dvc.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh PostgreSQL database for a {@code @QuarkusTest}, e.g.
 * {@code @WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database",
 * value = "dossier"))}. Each start creates {@code <database>_test_<8 hex digits>} and returns
 * {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username} and
 * {@code quarkus.datasource.password} for it; {@link #stop()} drops it.
 *
 * <p>Which server: an existing one when a maintenance-database URL is given (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}), otherwise one embedded PostgreSQL per JVM, started on
 * first use and stopped by a shutdown hook. The external server is looked up in this order:
 * <ol>
 * <li>init args {@code externalUrl}, {@code externalUser}, {@code externalPassword};</li>
 * <li>system properties {@code dvctest.database.url}, {@code dvctest.database.user},
 * {@code dvctest.database.password} (so {@code mvn -Ddvctest.database.url=...} works);</li>
 * <li>environment variables {@code DVC_TEST_DATABASE_URL}, {@code DVC_TEST_DATABASE_USER},
 * {@code DVC_TEST_DATABASE_PASSWORD}.</li>
 * </ol>
 * The user must be allowed to create databases. The user defaults to {@code postgres}, the password to none.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String EXTERNAL_URL_ARG = "externalUrl";
    public static final String EXTERNAL_USER_ARG = "externalUser";
    public static final String EXTERNAL_PASSWORD_ARG = "externalPassword";

    public static final String URL_PROPERTY = "dvctest.database.url";
    public static final String USER_PROPERTY = "dvctest.database.user";
    public static final String PASSWORD_PROPERTY = "dvctest.database.password";

    public static final String URL_ENV = "DVC_TEST_DATABASE_URL";
    public static final String USER_ENV = "DVC_TEST_DATABASE_USER";
    public static final String PASSWORD_ENV = "DVC_TEST_DATABASE_PASSWORD";

    private static final Logger LOG = Logger.getLogger(PostgresTestResource.class);
    // The random suffix adds 14 characters and PostgreSQL truncates names beyond 63.
    private static final Pattern BASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,48}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private String baseName = "app";
    private String externalUrl;
    private String externalUser;
    private String externalPassword;

    private String maintenanceUrl;
    private String user;
    private String password;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        String name = initArgs.getOrDefault(DATABASE_ARG, baseName);
        if (!BASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the database init arg must be a lower-case identifier of at most"
                    + " 49 characters, not " + name);
        }
        baseName = name;
        externalUrl = firstSet(initArgs.get(EXTERNAL_URL_ARG), System.getProperty(URL_PROPERTY),
                System.getenv(URL_ENV));
        externalUser = firstSet(initArgs.get(EXTERNAL_USER_ARG), System.getProperty(USER_PROPERTY),
                System.getenv(USER_ENV));
        externalPassword = firstSet(initArgs.get(EXTERNAL_PASSWORD_ARG), System.getProperty(PASSWORD_PROPERTY),
                System.getenv(PASSWORD_ENV));
    }

    @Override
    public Map<String, String> start() {
        if (externalUrl != null) {
            maintenanceUrl = externalUrl;
            user = externalUser != null ? externalUser : "postgres";
            password = externalPassword;
        } else {
            String[] embedded = (String[]) JvmWide.call(PostgresHolder.class, "ensureRunning");
            maintenanceUrl = embedded[0];
            user = embedded[1];
            password = embedded[2];
        }
        database = baseName + "_test_" + HexFormat.of().formatHex(randomBytes(4));
        execute("CREATE DATABASE " + database);
        String url = withDatabase(maintenanceUrl, database);
        LOG.infof("Test database %s created on %s PostgreSQL %s as user %s", database,
                externalUrl != null ? "external" : "embedded", withoutQuery(maintenanceUrl), user);

        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", url);
        config.put("quarkus.datasource.username", user);
        config.put("quarkus.datasource.password", password == null ? "" : password);
        return config;
    }

    @Override
    public void stop() {
        if (database == null) {
            return;
        }
        try {
            // FORCE ends connections a pool may still hold; it exists from PostgreSQL 13 on.
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (IllegalStateException e) {
            LOG.warnf("Could not drop test database %s: %s", database, e.getMessage());
        } finally {
            database = null;
        }
    }

    /** The name of the database created by the last {@link #start()}, {@code null} before and after. */
    public String database() {
        return database;
    }

    /**
     * Puts {@code database} in place of the database in a PostgreSQL JDBC URL, keeping host list and
     * parameters: {@code jdbc:postgresql://h:5432/postgres?ssl=true} becomes
     * {@code jdbc:postgresql://h:5432/<database>?ssl=true}.
     */
    static String withDatabase(String jdbcUrl, String database) {
        String prefix = "jdbc:postgresql://";
        if (!jdbcUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + withoutQuery(jdbcUrl));
        }
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.indexOf('/', prefix.length());
        String hosts = slash < 0 ? base : base.substring(0, slash);
        return hosts + "/" + database + params;
    }

    private void execute(String sql) {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        // The driver is used directly because DriverManager refuses drivers from another class loader,
        // which is how Quarkus tests see it.
        try (Connection c = new org.postgresql.Driver().connect(maintenanceUrl, props);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed on " + withoutQuery(maintenanceUrl) + " as "
                    + user + ": " + e.getMessage(), e);
        }
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
