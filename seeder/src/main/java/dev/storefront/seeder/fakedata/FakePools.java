package dev.storefront.seeder.fakedata;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Small pools of realistic values drawn once from a seeded Datafaker, then combined per row.
 * Datafaker costs microseconds per call; picking from pools costs nanoseconds, so generating rows never
 * bounds the load's throughput. The same seed gives the same pools.
 */
public final class FakePools {

    private static final int NAMES = 400;
    private static final int STREETS = 400;
    private static final int PLACES = 300;
    private static final int PRODUCT_NAMES = 500;
    private static final int CATEGORY_DRAWS = 60;
    private static final int DOMAINS = 25;
    private static final List<String> PAYMENT_METHODS =
            List.of("credit_card", "debit_card", "paypal", "bank_transfer", "gift_card");

    /** A city and the country it is listed in. */
    public record Place(String city, String country) {}

    private final List<String> firstNames;
    private final List<String> firstNamesForEmail;
    private final List<String> lastNames;
    private final List<String> lastNamesForEmail;
    private final List<String> streets;
    private final List<Place> places;
    private final List<String> productNames;
    private final List<String> categories;
    private final List<String> domains;

    private FakePools(Faker faker) {
        firstNames = draw(NAMES, () -> faker.name().firstName());
        lastNames = draw(NAMES, () -> faker.name().lastName());
        firstNamesForEmail = firstNames.stream().map(FakePools::emailPart).toList();
        lastNamesForEmail = lastNames.stream().map(FakePools::emailPart).toList();
        streets = draw(STREETS, () -> faker.address().streetName());
        places = draw(
                PLACES, () -> new Place(faker.address().city(), faker.address().country()));
        productNames = draw(PRODUCT_NAMES, () -> faker.commerce().productName());
        Set<String> departments = new LinkedHashSet<>();
        for (int i = 0; i < CATEGORY_DRAWS; i++) {
            departments.add(faker.commerce().department());
        }
        categories = List.copyOf(departments);
        domains = draw(DOMAINS, () -> faker.internet().domainName());
    }

    /** Pools drawn from a Faker seeded with {@code seed}. */
    public static FakePools fromSeed(long seed) {
        return new FakePools(new Faker(Locale.ENGLISH, new Random(seed)));
    }

    /** A person: full name and the matching e-mail, made unique by {@code uniqueSuffix} (the customer's id). */
    public Person person(SplittableRandom random, long uniqueSuffix) {
        int first = random.nextInt(firstNames.size());
        int last = random.nextInt(lastNames.size());
        String email = firstNamesForEmail.get(first) + "." + lastNamesForEmail.get(last) + "." + uniqueSuffix + "@"
                + pick(random, domains);
        return new Person(firstNames.get(first) + " " + lastNames.get(last), email);
    }

    /** A full name and an e-mail address. */
    public record Person(String fullName, String email) {}

    public String streetAddress(SplittableRandom random) {
        return (1 + random.nextInt(9999)) + " " + pick(random, streets);
    }

    public Place place(SplittableRandom random) {
        return pick(random, places);
    }

    public String productName(SplittableRandom random) {
        return pick(random, productNames);
    }

    public String category(SplittableRandom random) {
        return pick(random, categories);
    }

    public String paymentMethod(SplittableRandom random) {
        return pick(random, PAYMENT_METHODS);
    }

    private static <T> T pick(SplittableRandom random, List<T> pool) {
        return pool.get(random.nextInt(pool.size()));
    }

    private static <T> List<T> draw(int count, Supplier<T> supplier) {
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(supplier.get());
        }
        return List.copyOf(values);
    }

    /** Lower-case ASCII letters and digits only, so the e-mail is valid whatever the name's accents. */
    private static String emailPart(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String part = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return part.isEmpty() ? "shopper" : part;
    }
}
