package vn.edu.haiphong.dvc.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Creates the services' databases on an existing PostgreSQL server if they are missing, for a quick start
 * against a server of the user's own: {@code --url jdbc:postgresql://host:5432/postgres --user U --password P
 * --databases dossier,payment,indicator}. Prints one line per database.
 */
public final class CreateDatabasesMain {

    private static final String USAGE = "Usage: CreateDatabasesMain --url JDBC_URL --user USER --password PASSWORD --databases a,b,c";

    private CreateDatabasesMain() {
    }

    public static void main(String[] args) {
        Cli cli = Cli.parse(args, Set.of("url", "user", "password", "databases"), USAGE);
        String url = cli.require("url", USAGE);
        try (Connection c = DriverManager.getConnection(url, cli.require("user", USAGE), cli.get("password"))) {
            for (String database : cli.require("databases", USAGE).split(",")) {
                if (!database.matches("[a-z_][a-z0-9_]*")) {
                    Cli.exit(Cli.EXIT_USAGE_OR_PORT, "'" + database + "' is not a plain database name. " + USAGE);
                }
                try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            System.out.println("database " + database + " exists");
                            continue;
                        }
                    }
                }
                try (Statement create = c.createStatement()) {
                    create.execute("create database " + database);
                    System.out.println("database " + database + " created");
                }
            }
        } catch (SQLException e) {
            Cli.exit(Cli.EXIT_FAILURE, "Cannot prepare the databases on " + url + ": " + e.getMessage());
        }
    }
}
