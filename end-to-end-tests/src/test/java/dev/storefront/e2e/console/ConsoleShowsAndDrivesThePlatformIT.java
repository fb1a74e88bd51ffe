package dev.storefront.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.e2e.support.CdcTopics;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import dev.storefront.e2e.support.SeederClient;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser (Debian's chromium through its chromedriver) against the running platform: each
 * page shows what PostgreSQL, Kafka, Connect and the registry hold, and its buttons act on them. Every page is kept as
 * a screenshot in target/console-screenshots; how long each took to show its data is printed.
 */
@Order(7)
@ExtendWith(LocalPlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleShowsAndDrivesThePlatformIT {

    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> RENDER_TIMES = new LinkedHashMap<>();

    private static LocalPlatform platform;
    private static WebDriver browser;
    private static String console;
    /** Each page opened from a blank one, so what a previous visit rendered cannot count as shown. */
    private static boolean freshLoads;

    @BeforeAll
    static void openBrowser(LocalPlatform shared) throws IOException {
        platform = shared;
        console = platform.endpoints().consoleUrl();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theOverviewShowsEveryComponentHealthyAndTheSlotActive() {
        open("overview", By.cssSelector("#components tr[data-name='pipeline'] td.healthy"));
        // The page rebuilds its rows on every refresh, so a row found once may be gone when read: each row is looked
        // up and read within one wait.
        for (String component : new String[] {"postgres", "kafka", "registry", "connect", "seeder", "pipeline"}) {
            waitFor(By.xpath("//*[@id='components']//tr[@data-name='" + component + "'][contains(., 'healthy')]"));
        }
        waitFor(By.xpath("//p[@id='slot'][contains(., ': active')]"));
        screenshot("overview");
    }

    @Test
    @Order(2)
    void aRowInsertedWithSqlShowsDecodedOnItsTopicPage() throws Exception {
        String name = "Console Test " + System.nanoTime();
        try (Connection db = platform.storefrontDb();
                PreparedStatement insert = db.prepareStatement("INSERT INTO customers(full_name, email, address, city,"
                        + " country) VALUES (?, ?, 'Browser Street 1', 'Chromium City', 'DE')")) {
            insert.setString(1, name);
            insert.setString(2, name.replace(' ', '.') + "@example.test");
            insert.executeUpdate();
        }
        String topic = new CdcTopics(platform).topic("customers");
        open("topics", By.cssSelector("a[data-topic='" + topic + "']")).click();
        await("the new customer on the page of " + topic)
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    browser.findElement(By.id("load")).click();
                    waitFor(By.xpath("//span[@id='browser-status'][contains(., 'records')]"));
                    return browser.findElement(By.id("messages")).getText().contains(name);
                });
        String messages = browser.findElement(By.id("messages")).getText();
        assertThat(messages)
                .contains("Chromium City")
                .contains("\"valueSchemaId\"")
                .contains("\"op\": \"c\"");
        screenshot("topics");
    }

    @Test
    @Order(3)
    void pausingAndResumingAConnectorShowsOnThePageAndInConnect() throws Exception {
        String connector = "analytics-jdbc-sink";
        open("connectors", By.cssSelector("#connectors tr[data-connector='" + connector + "']"));
        try {
            click(connector, "pause");
            waitFor(By.xpath("//tr[@data-connector='" + connector + "']/td[contains(@class, 'state')][.='PAUSED']"));
            assertThat(connectorState(connector)).isEqualTo("PAUSED");
            screenshot("connectors");
        } finally {
            click(connector, "resume");
        }
        waitFor(By.xpath("//tr[@data-connector='" + connector + "']/td[contains(@class, 'state')][.='RUNNING']"));
        assertThat(connectorState(connector)).isEqualTo("RUNNING");
    }

    @Test
    @Order(4)
    void aSecondSchemaVersionShowsAsADiff() throws Exception {
        String subject = "console-it-" + System.nanoTime() + "-value";
        register(subject, "{\"type\":\"record\",\"name\":\"Note\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");
        register(
                subject,
                "{\"type\":\"record\",\"name\":\"Note\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
                        + "{\"name\":\"remark\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
        open("schemas", By.cssSelector("a[data-subject='" + subject + "']")).click();
        WebElement added = waitFor(By.xpath("//pre[@id='diff']/span[@class='add'][contains(., 'remark')]"));
        assertThat(added.getText()).startsWith("+");
        assertThat(new Select(browser.findElement(By.id("schema-to")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("version 2");
        screenshot("schemas");
    }

    @Test
    @Order(5)
    void theVerifyButtonFindsEveryOutputMatching() {
        new SeederClient(platform).stopDeltas();
        open("verify", By.id("verify-run"));
        // The pipeline and the sinks may still be catching up with an earlier test: verify again until they have.
        await("verify from the page: all outputs match")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(5))
                .until(() -> {
                    browser.findElement(By.id("verify-run")).click();
                    new WebDriverWait(browser, Duration.ofMinutes(2))
                            .until(d -> !d.findElement(By.id("verify-status"))
                                    .getText()
                                    .startsWith("verifying"));
                    return browser.findElement(By.id("verify-status")).getText().startsWith("all outputs match");
                });
        assertThat(browser.findElement(By.id("verify-report")).getText()).contains("outputs match PostgreSQL");
        screenshot("verify");
    }

    @Test
    @Order(6)
    void deltasStartedFromThePageRunAndDrawNewPointsUntilStopped() throws Exception {
        SeederClient seeder = new SeederClient(platform);
        open("seeder", By.id("seed-start"));
        try {
            WebElement rate = browser.findElement(By.id("seed-rate"));
            rate.clear();
            rate.sendKeys("50");
            browser.findElement(By.id("seed-start")).click();
            await("deltas running")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> seeder.status().path("running").asBoolean());
            assertThat(seeder.status().path("rate").asDouble()).isEqualTo(50.0);
            waitFor(By.xpath("//pre[@id='seed-status'][contains(., '\"running\": true')]"));
            screenshot("seeder");

            open("overview", By.cssSelector("#rates-chart"));
            int before = points();
            await("new points with every hop's rate (seeder, CDC topic, fact, sink) and the latencies of its changes")
                    .atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> points() > before
                            && browser.findElement(By.id("rates-legend"))
                                    .getText()
                                    .matches("(?s)(?=.*seeder ops/s: [1-9])(?=.*storefront\\.public\\.orders: [1-9])"
                                            + "(?=.*storefront\\.facts\\.orders: [1-9])"
                                            + "(?=.*sink cdc-history-jdbc-sink: [1-9]).*")
                            && browser.findElement(By.id("latency-legend"))
                                    .getText()
                                    .matches("(?s).*commit → topic p50: [1-9][0-9]* ms.*commit → fact p50: [1-9].*"));
            // The metrics table: the seeder's operations as a rate, as its /q/metrics counts them.
            waitFor(By.xpath("//table[@id='metrics']//tr[@data-component='seeder'][@data-series='delta operations']"
                    + "/td[3][contains(., '/s') and not(starts-with(., '0.0/s'))]"));
            screenshot("overview-chart");
        } finally {
            open("seeder", By.id("seed-stop")).click();
        }
        await("deltas stopped")
                .atMost(Duration.ofSeconds(20))
                .until(() -> !seeder.status().path("running").asBoolean());
    }

    @Test
    @Order(7)
    void theConsumerGroupsPageShowsTheSinksGroups() {
        open("groups", By.xpath("//table[@id='groups']//td[contains(., 'connect-cdc-history-jdbc-sink')]"));
        screenshot("groups");
    }

    @Test
    @Order(8)
    void everyPageShowsItsDataWhileDeltasRunAt200OpsPerSecond() {
        SeederClient seeder = new SeederClient(platform);
        seeder.startDeltas(200);
        try {
            // Budget (printed, not asserted): each page shows its data in under 1 s, from a fresh load.
            RENDER_TIMES.clear();
            freshLoads = true;
            open("overview", By.cssSelector("#components tr[data-name='pipeline'] td"));
            open("connectors", By.cssSelector("#connectors tr[data-connector]"));
            open("topics", By.cssSelector("a[data-topic]"));
            open("schemas", By.cssSelector("a[data-subject]"));
            long listed = System.nanoTime();
            new WebDriverWait(browser, PAGE_WAIT)
                    .until(d -> d.findElements(By.cssSelector("#subjects td.pending"))
                            .isEmpty());
            RENDER_TIMES.put(
                    "schemas, then every subject's versions and rule",
                    String.format("+%.0f ms", (System.nanoTime() - listed) / 1e6));
            open("groups", By.cssSelector("#groups tbody tr"));
            open("verify", By.id("verify-run"));
            open("seeder", By.xpath("//pre[@id='seed-status'][contains(., '\"running\": true')]"));
            // Budget (printed, not asserted): the console's RSS at most 200 MB.
            System.out.println(
                    "Console pages while deltas run at 200 ops/s, time until their data showed: " + RENDER_TIMES
                            + "; console RSS " + rssMiB(platform.componentPids().get("console")) + " MiB");
        } finally {
            freshLoads = false;
            seeder.stopDeltas();
        }
    }

    /**
     * Opens a page (a new load, or a hash change the page answers by loading that page's data) and waits until
     * {@code ready} shows: the time that took is the page's render time.
     */
    private static WebElement open(String page, By ready) {
        if (freshLoads) {
            browser.get("about:blank");
        }
        long start = System.nanoTime();
        browser.get(console + "/#" + page);
        WebElement element = waitFor(ready);
        RENDER_TIMES.put(page, String.format("%.0f ms", (System.nanoTime() - start) / 1e6));
        return element;
    }

    private static WebElement waitFor(By what) {
        return new WebDriverWait(browser, PAGE_WAIT).until(d -> {
            var found = d.findElements(what);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static void click(String connector, String action) {
        waitFor(By.cssSelector("button[data-connector='" + connector + "'][data-action='" + action + "']"))
                .click();
    }

    private static int points() {
        return Integer.parseInt(browser.findElement(By.id("rates-chart")).getAttribute("data-points"));
    }

    private static void screenshot(String page) {
        try {
            Files.copy(
                    ((org.openqa.selenium.TakesScreenshot) browser)
                            .getScreenshotAs(OutputType.FILE)
                            .toPath(),
                    SCREENSHOTS.resolve(page + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the screenshot of " + page, e);
        }
    }

    private static String connectorState(String connector) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(platform.endpoints().connectUrl() + "/connectors/" + connector + "/status"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("connector").path("state").asText();
    }

    private static void register(String subject, String schema) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                platform.endpoints().registryCcompatUrl() + "/subjects/" + subject + "/versions"))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("schema", schema))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException gone) {
            // the process ended
        }
        return -1;
    }
}
