package dev.storefront.contract;

/**
 * The topics Debezium writes, named as it names them from {@code topic.prefix} (TOPIC_PREFIX): one place for every
 * module that reads them.
 */
public record CdcTopicNames(String prefix) {

    /** From the platform's configuration. */
    public static CdcTopicNames of(PlatformEnv env) {
        return new CdcTopicNames(env.require(PlatformVariable.TOPIC_PREFIX));
    }

    /** A captured table's change topic: {@code <prefix>.public.<table>}. */
    public String table(String table) {
        return prefix + ".public." + table;
    }

    /** The logical decoding messages (the outbox): {@code <prefix>.message}. */
    public String messages() {
        return prefix + ".message";
    }
}
