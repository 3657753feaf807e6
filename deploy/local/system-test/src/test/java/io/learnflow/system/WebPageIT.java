package io.learnflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser (Debian's Chromium, headless, driven through its chromedriver) against the running
 * LearnFlow: the page's own address serves it and every API it calls. Screenshots of each page go to
 * {@code target/screenshots}.
 */
@ExtendWith(RunningLearnFlow.class)
class WebPageIT {

    static final String PASSWORD = "a long enough password";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(90);

    static String page;
    static Path browserProfiles;
    WebDriver browser;
    WebDriverWait waiting;

    @BeforeAll
    static void findThePage() throws IOException {
        page = RunningLearnFlow.system.urlOf("web") + "/";
        browserProfiles = Files.createTempDirectory("learnflow-browser");
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void openABrowser() throws IOException {
        File chromium = new File(System.getenv().getOrDefault("LEARNFLOW_CHROMIUM", "/usr/bin/chromium"));
        File driver = new File(System.getenv().getOrDefault("LEARNFLOW_CHROMEDRIVER", "/usr/bin/chromedriver"));
        assertThat(chromium).as("Chromium for the browser test (apt-get install -y chromium chromium-driver)")
                .canRead();
        assertThat(driver).as("chromedriver for the browser test (apt-get install -y chromium-driver)").canRead();
        ChromeOptions options = new ChromeOptions().setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1200,1000",
                "--user-data-dir=" + Files.createTempDirectory(browserProfiles, "profile"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort()
                .build(), options);
        // pages re-render a status line on each event of its stream, so an element found a moment ago may be gone
        waiting = new WebDriverWait(browser, ANSWER_WITHIN);
        waiting.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterAll
    static void removeProfiles() throws IOException {
        try (var files = Files.walk(browserProfiles)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    void aStudentAsksPractisesAndProgressesAndTheirTeacherSeesThem() throws Exception {
        String teacherEmail = "teacher-" + UUID.randomUUID() + "@example.org";
        RunningLearnFlow.client.register(teacherEmail, PASSWORD, "Tess", "Teacher");
        makeTeacher(teacherEmail);
        signIn(teacherEmail);
        type(By.id("class-name"), "Evening Python");
        click(By.id("create-class"));
        String joinCode = waiting.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#class-list .join-code"))).getText();
        assertThat(joinCode).hasSizeGreaterThanOrEqualTo(6);
        signOut();

        browser.get(page + "#/signup");
        type(By.id("signup-email"), "not an email");
        type(By.id("signup-password"), "short");
        click(By.id("signup-submit"));
        assertThat(textOf(By.id("signup-email-error"))).isEqualTo("must be a well-formed email address");
        assertThat(textOf(By.id("signup-password-error"))).contains("between 8 and 128 characters");
        assertThat(browser.findElement(By.id("signup-email")).getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("sign-up-errors");
        String studentEmail = "lin-" + UUID.randomUUID() + "@example.org";
        clearAndType(By.id("signup-first-name"), "Lin");
        clearAndType(By.id("signup-last-name"), "Student");
        clearAndType(By.id("signup-email"), studentEmail);
        clearAndType(By.id("signup-password"), PASSWORD);
        click(By.id("signup-submit"));

        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-message")));
        type(By.id("ask-message"), "My program stops with an error, why?");
        type(By.id("ask-code"), "ages = {'ana': 20}\nprint(ages['bo'])");
        type(By.id("ask-error"), "Traceback (most recent call last):\n  File \"a.py\", line 2, in <module>\n"
                + "KeyError: 'bo'");
        click(By.id("ask-submit"));
        WebElement answer = waiting.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".query .status-line[data-status='completed']")));
        WebElement card = answer.findElement(By.xpath("ancestor::article"));
        assertThat(card.findElement(By.cssSelector(".answer")).getText()).contains("KeyError").contains("line 2");
        assertThat(card.findElement(By.cssSelector(".answer")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(card.findElement(By.cssSelector(".route summary")).getText()).contains("debug");
        assertThat(card.findElements(By.cssSelector(".answer pre code .tok-bi"))).isNotEmpty();
        String queryId = card.getAttribute("data-query-id");
        card.findElement(By.cssSelector("input[name='rating'][value='4']")).click();
        card.findElement(By.cssSelector("input[name='comment']")).sendKeys("it made me look at the key");
        card.findElement(By.cssSelector("form.rate button")).click();
        waiting.until(ExpectedConditions.textToBePresentInElement(card, "you rated this answer 4 of 5"));
        assertThat(RunningLearnFlow.db.count("SELECT count(*) FROM triage.student_query WHERE id = ?"
                + " AND feedback_rating = 4 AND feedback_comment = 'it made me look at the key'",
                UUID.fromString(queryId))).isEqualTo(1);
        screenshot("ask");

        browser.get(page + "#/practice?module=loops&kind=code&exercise=lf-loops-1");
        WebElement solution = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("solution")));
        assertThat(solution.getAttribute("value")).startsWith("def sum_to(n):");
        click(By.id("hint-button"));
        assertThat(browser.findElements(By.cssSelector("#hints li"))).hasSize(1);
        solution.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        // typed as a student would: Enter keeps the indentation and adds a level after a colon
        solution.sendKeys("def sum_to(n):\ntotal = 0\nfor i in range(1, n + 1):\ntotal += i\n");
        solution.sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, "return total\n");
        click(By.id("submit-solution"));
        waiting.until(ExpectedConditions.attributeToBe(By.id("grading-status"), "data-status", "graded"));
        assertThat(textOf(By.id("grading-status"))).contains("100 / 100").contains("4 of 4 tests pass");
        assertThat(browser.findElements(By.cssSelector("#test-results tbody td.pass"))).hasSize(4);
        screenshot("practice");

        browser.get(page + "#/progress");
        awaitAfterReloads(By.cssSelector("#mastery-table tr[data-module='loops'] td.mastery"));
        int loops = Integer.parseInt(textOf(By.cssSelector("#mastery-table tr[data-module='loops'] td.mastery")));
        assertThat(loops).isPositive();
        assertThat(browser.findElement(By.id("mastery-chart")).getAttribute("role")).isEqualTo("img");
        type(By.id("join-code"), joinCode);
        click(By.id("join-submit"));
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("join-result"), "Evening Python"));
        screenshot("progress");

        browser.get(page + "#/history");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-summary"), "1 question"));
        type(By.id("history-search"), "STOPS WITH");
        click(By.id("history-search-submit"));
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-summary"), "containing"));
        assertThat(browser.findElements(By.cssSelector("#history-list .query"))).hasSize(1);
        screenshot("history");
        clearAndType(By.id("history-search"), "nothing like this");
        click(By.id("history-search-submit"));
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-summary"), "No question"));
        assertThat(browser.findElements(By.cssSelector("#history-list .query"))).isEmpty();
        signOut();

        signIn(teacherEmail);
        WebElement row = waiting.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table[@id='roster']//tr[.//a[contains(., 'Lin')]]")));
        assertThat(row.getText()).contains("Lin");
        screenshot("teacher-class");
        row.findElement(By.tagName("a")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "exercise submission"));
        assertThat(textOf(By.id("student-queries"))).contains("My program stops with an error, why?");
        screenshot("teacher-timeline");
    }

    @Test
    void aSecondStudentSeesNoneOfTheFirstOnesHistory() {
        signInAsNewStudent("first", "First", "Student");
        type(By.id("ask-message"), "What does a for loop over range(3) print?");
        click(By.id("ask-submit"));
        waiting.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".query .status-line[data-status='completed']")));
        signOut();

        signInAsNewStudent("second", "Second", "Student");
        browser.get(page + "#/history");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-summary"),
                "You have not asked anything yet."));
        assertThat(browser.getPageSource()).doesNotContain("range(3)");
    }

    @Test
    void aClarifyingQuestionIsAnsweredInPlace() {
        signInAsNewStudent("unsure", "Un", "Sure");
        // the message triage's own ClarifyingQuestionTest finds the shipped model unsure about
        type(By.id("ask-message"), "tuples");
        click(By.id("ask-submit"));
        WebElement reply = waiting.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".query form.clarify textarea")));
        assertThat(textOf(By.cssSelector(".query .answer"))).contains("would you like");
        reply.sendKeys("I'd like an exercise to practise it");
        click(By.cssSelector(".query form.clarify button"));
        waiting.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".query"), 2));
        WebElement answered = waiting.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".query:first-child .status-line[data-status='completed']")));
        assertThat(answered.findElement(By.xpath("ancestor::article")).findElement(By.cssSelector(".route summary"))
                .getText()).contains("exercise");
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedQuietly() {
        signInAsNewStudent("quiet", "Qui", "Et");
        JavascriptExecutor script = (JavascriptExecutor) browser;
        String refreshBefore = (String) script.executeScript("""
                const session = JSON.parse(sessionStorage.getItem('learnflow.session'));
                session.expiresAt = Date.now();
                sessionStorage.setItem('learnflow.session', JSON.stringify(session));
                return session.refreshToken;""");
        browser.navigate().refresh();
        browser.get(page + "#/history");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-summary"),
                "You have not asked anything yet."));
        String refreshAfter = (String) script.executeScript(
                "return JSON.parse(sessionStorage.getItem('learnflow.session')).refreshToken;");
        assertThat(refreshAfter).isNotBlank().isNotEqualTo(refreshBefore);
        assertThat(browser.findElements(By.id("sign-out"))).hasSize(1);
    }

    @Test
    void aSessionThatCannotBeRefreshedSendsTheStudentBackToSignInWithAMessage() {
        signInAsNewStudent("expired", "Ex", "Pired");
        ((JavascriptExecutor) browser).executeScript("""
                const session = JSON.parse(sessionStorage.getItem('learnflow.session'));
                session.accessToken = session.accessToken.slice(0, -4) + 'AAAA';
                session.refreshToken = 'no-longer-valid';
                sessionStorage.setItem('learnflow.session', JSON.stringify(session));""");
        browser.navigate().refresh();
        browser.get(page + "#/history");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-email")));
        assertThat(textOf(By.id("notice"))).contains("Your session has ended");
    }

    @Test
    void theAskFormIsUsableWithTheKeyboardAloneAndLabelsEveryControl() {
        signInAsNewStudent("keys", "Kay", "Board");
        browser.findElement(By.id("ask-message")).click();
        List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            order.add(browser.switchTo().activeElement().getAttribute("id"));
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(order).containsExactly("ask-message", "ask-code", "ask-error", "ask-module", "ask-difficulty",
                "ask-submit");
        for (WebElement control : browser.findElements(By.cssSelector("main input, main textarea, main select"))) {
            String id = control.getAttribute("id");
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))
                    .size() + (control.getAttribute("aria-label") == null ? 0 : 1))
                    .as("a label for #%s", id).isPositive();
        }
        browser.findElement(By.id("ask-message")).sendKeys("How do I use a while loop?");
        browser.findElement(By.id("ask-submit")).sendKeys(Keys.ENTER);
        waiting.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".query .status-line[data-status='completed']")));
    }

    /** Registers a student (through the API) and signs them in on the page. */
    private void signInAsNewStudent(String emailPrefix, String firstName, String lastName) {
        String email = emailPrefix + "-" + UUID.randomUUID() + "@example.org";
        RunningLearnFlow.client.register(email, PASSWORD, firstName, lastName);
        signIn(email);
    }

    private void signIn(String email) {
        browser.get(page + "#/signin");
        clearAndType(By.id("signin-email"), email);
        clearAndType(By.id("signin-password"), PASSWORD);
        click(By.id("signin-submit"));
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    private void signOut() {
        click(By.id("sign-out"));
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-email")));
    }

    private void type(By field, String text) {
        waiting.until(ExpectedConditions.elementToBeClickable(field)).sendKeys(text);
    }

    private void clearAndType(By field, String text) {
        WebElement element = waiting.until(ExpectedConditions.elementToBeClickable(field));
        element.clear();
        element.sendKeys(text);
    }

    private void click(By target) {
        waiting.until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    private String textOf(By target) {
        return waiting.until(driver -> {
            WebElement element = driver.findElement(target);
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    /** Progress counts the graded submission a moment after the grade: reload until it shows. */
    private void awaitAfterReloads(By target) {
        new WebDriverWait(browser, ANSWER_WITHIN, Duration.ofSeconds(1)).until(driver -> {
            if (!driver.findElements(target).isEmpty()) {
                return true;
            }
            driver.navigate().refresh();
            return false;
        });
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private static void makeTeacher(String email) throws Exception {
        var endpoints = RunningLearnFlow.system.stack().endpoints();
        var triage = endpoints.loginOf("triage");
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), triage.username(),
                triage.password());
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE triage.student_profile SET role = 'TEACHER' WHERE email = ?")) {
            update.setString(1, email);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
