package dev.storefront.drill;

import java.util.List;

/**
 * One fault and what followed: how long until every component was healthy and every connector RUNNING again, how many
 * changes a committed reader then saw more than once in the CDC topics, and how many outputs matched PostgreSQL.
 */
record FaultResult(
        Fault fault,
        String component,
        double secondsToHealthy,
        boolean healed,
        long changesSeenTwice,
        int outputsMatching,
        int outputsDiffering,
        List<String> differing) {

    boolean clean() {
        return healed && changesSeenTwice == 0 && outputsDiffering == 0;
    }
}
