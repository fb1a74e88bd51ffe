package dev.storefront.flinksql.submit;

/** A SQL file that cannot run as it is, with a message naming the culprit (the file, line and column, Flink's error). */
public final class SqlFileException extends Exception {

    public SqlFileException(String message) {
        super(message);
    }

    public SqlFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
