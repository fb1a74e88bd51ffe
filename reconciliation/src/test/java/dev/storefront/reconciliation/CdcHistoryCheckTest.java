package dev.storefront.reconciliation;

import static dev.storefront.pipeline.testing.CdcEvents.customer;
import static dev.storefront.pipeline.testing.CdcEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.pipeline.testing.CdcEvents;
import dev.storefront.reconciliation.CdcHistoryCheck.Change;
import dev.storefront.reconciliation.CdcHistoryCheck.RowState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class CdcHistoryCheckTest {

    @Test
    void everyChangeEventCountsOnceAndTombstonesNotAtAll() {
        CdcEvents events = new CdcEvents();
        GenericRecord alice = customer(1, "Alice", "a@example.com", "France");
        Map<Change, Integer> changes = new LinkedHashMap<>();

        CdcHistoryCheck.count(changes, CdcEvents.key(alice), events.create(alice));
        long created = events.lastLsn();
        CdcHistoryCheck.count(changes, CdcEvents.key(alice), events.update(alice, with(alice, "country", "Spain")));
        long updated = events.lastLsn();
        CdcHistoryCheck.count(changes, CdcEvents.key(alice), events.delete(alice));
        long deleted = events.lastLsn();
        CdcHistoryCheck.count(changes, CdcEvents.key(alice), null);

        assertThat(changes)
                .containsExactly(
                        Map.entry(new Change(1, "c", created), 1),
                        Map.entry(new Change(1, "u", updated), 1),
                        Map.entry(new Change(1, "d", deleted), 1));
    }

    @Test
    void theHistoryHoldsEachChangeOnceAndOnlyStreamedChangesMustBeSeenOnceInTheTopic() {
        Change read = new Change(1, "r", 10);
        Change update = new Change(1, "u", 20);
        Change delete = new Change(1, "d", 30);
        Map<Change, Integer> topic = new LinkedHashMap<>(Map.of(read, 2, update, 1, delete, 2));

        assertThat(CdcHistoryCheck.distinct(topic))
                .containsOnly(Map.entry(read, 1), Map.entry(update, 1), Map.entry(delete, 1));
        assertThat(CdcHistoryCheck.streamed(topic)).containsOnly(Map.entry(update, 1), Map.entry(delete, 2));
        assertThat(CdcHistoryCheck.repeatedReads(topic)).isEqualTo(1);
        OutputReport seenOnce = Comparison.compare(
                "seen once",
                CdcHistoryCheck.distinct(CdcHistoryCheck.streamed(topic)),
                CdcHistoryCheck.streamed(topic));
        assertThat(seenOnce.wrong()).as("the delete seen twice").isEqualTo(1);
        assertThat(seenOnce.matches()).isFalse();
    }

    @Test
    void aHistoryShouldEndWithTheSourceRowsAndDeletesForTheRowsThatAreGone() {
        RowState alice = RowState.present(Map.of("id", "1", "country", "Spain"));

        Map<Long, RowState> expected = CdcHistoryCheck.expectedStates(Map.of(1L, alice), Set.of(1L, 2L));

        assertThat(expected).containsOnly(Map.entry(1L, alice), Map.entry(2L, RowState.DELETED));
        assertThat(Comparison.compare(
                                "customers_cdc last op",
                                expected,
                                Map.of(
                                        1L,
                                        RowState.present(Map.of("id", "1", "country", "France")),
                                        2L,
                                        RowState.DELETED))
                        .wrong())
                .isEqualTo(1);
    }
}
