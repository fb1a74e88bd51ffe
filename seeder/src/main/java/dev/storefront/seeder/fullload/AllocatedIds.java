package dev.storefront.seeder.fullload;

import java.util.Arrays;

/**
 * The ids a load allocated for one table, in allocation order, so that "the i-th customer of this load"
 * maps to its id. Sequences hand out runs of consecutive ids (gaps only where concurrent writers took
 * some), so runs are stored, not ids: ten million customers take a few bytes.
 */
final class AllocatedIds {

    private long[] runFirstIndex = new long[8];
    private long[] runFirstId = new long[8];
    private int runs;
    private long size;

    void addAll(long[] ids) {
        for (long id : ids) {
            add(id);
        }
    }

    void add(long id) {
        boolean extendsLastRun = runs > 0 && id == runFirstId[runs - 1] + (size - runFirstIndex[runs - 1]);
        if (!extendsLastRun) {
            if (runs == runFirstId.length) {
                runFirstIndex = Arrays.copyOf(runFirstIndex, runs * 2);
                runFirstId = Arrays.copyOf(runFirstId, runs * 2);
            }
            runFirstIndex[runs] = size;
            runFirstId[runs] = id;
            runs++;
        }
        size++;
    }

    long size() {
        return size;
    }

    /** The id allocated {@code index}-th (0-based). */
    long idAt(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Index " + index + " of " + size + " ids");
        }
        int run = Arrays.binarySearch(runFirstIndex, 0, runs, index);
        if (run < 0) {
            run = -run - 2;
        }
        return runFirstId[run] + (index - runFirstIndex[run]);
    }
}
