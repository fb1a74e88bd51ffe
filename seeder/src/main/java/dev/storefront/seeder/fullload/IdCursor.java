package dev.storefront.seeder.fullload;

/** Hands out, in order, ids allocated in one round trip. */
final class IdCursor {

    private final long[] ids;
    private int next;

    IdCursor(long[] ids) {
        this.ids = ids;
    }

    long next() {
        return ids[next++];
    }
}
