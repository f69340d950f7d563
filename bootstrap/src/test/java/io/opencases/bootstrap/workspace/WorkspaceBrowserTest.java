package io.opencases.bootstrap.workspace;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import io.opencases.bootstrap.ServerConfig;
import io.opencases.bootstrap.conformance.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.ConnectCasesClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The agent workspace in real Chromium, as an agent uses it: elements are found by role and label. One server and
 * one browser for the class; each test gets its own browser context (its own session). Screenshots of the main
 * pages go to target/workspace-screenshots (docs/workspace.md shows copies).
 */
class WorkspaceBrowserTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("OPENCASES_CHROMIUM", "/usr/bin/chromium"));
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final Path SHOTS = Path.of("target", "workspace-screenshots");
    private static final String XSS = "<img src=x onerror=alert(1)>";

    private static TestServer server;
    private static ConnectCasesClient cases;
    private static WorkspaceSeed seed;
    private static Playwright playwright;
    private static Browser browser;
    private static String base;

    private BrowserContext context;
    private Page page;
    private final AtomicReference<String> dialogs = new AtomicReference<>();

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        requireChromium();
        var config = TestServer.config(TestServer.QUOTAS, true, ServerConfig.Events.DEFAULT)
                .withWorkspace(new ServerConfig.Workspace(true, ADMIN_PASSWORD));
        server = TestServer.start(config);
        cases = server.client();
        seed = new WorkspaceSeed(cases, "support");
        base = server.endpoint() + "/workspace";
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(launchOptions());
        Files.createDirectories(SHOTS);
    }

    /** Debian's Chromium, headless, with nothing that would reach the network. */
    static BrowserType.LaunchOptions launchOptions() {
        return new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync"));
    }

    /** Skips without Chromium, unless the run requires the browser tests (CI sets OPENCASES_REQUIRE_BROWSER=1). */
    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM);
        String message = "Chromium not found at " + CHROMIUM + ": the workspace browser tests need it. Install it "
                + "with `apt-get install chromium` (Debian/Ubuntu) or point OPENCASES_CHROMIUM at a Chromium binary.";
        if (!present && "1".equals(System.getenv("OPENCASES_REQUIRE_BROWSER"))) {
            fail(message + " (OPENCASES_REQUIRE_BROWSER=1 makes this a failure.)");
        }
        assumeTrue(present, message);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void newSession() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
        page.onDialog(d -> {
            dialogs.set(d.message());
            d.dismiss();
        });
    }

    @AfterEach
    void closeSession() {
        context.close();
        assertThat(dialogs.get()).as("no script may open a dialog").isNull();
    }

    private void signIn(Page p, String name, String password) {
        p.navigate(base + "/");
        p.getByLabel("Username").fill(name);
        p.getByLabel("Password").fill(password);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private void signInAsAdmin() {
        signIn(page, "admin", ADMIN_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pick a domain")))
                .isVisible();
    }

    private void openCase(Page p, String caseId) {
        p.navigate(base + "/d/" + seed.domainId + "/cases/" + caseId);
    }

    /** The alert with a message (the page's notice region is an alert too, empty until something fails). */
    private static Locator alert(Page p) {
        return p.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText(Pattern.compile("\\S")));
    }

    private static Locator feed(Page p) {
        return p.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Activity feed"));
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
    }

    @Test
    void everyPageButSignInNeedsASessionAndTheCookieIsHttpOnlyAndSameSite() {
        page.navigate(base + "/d/" + seed.domainId + "/cases");
        assertThat(page).hasURL(Pattern.compile(".*/workspace/signin\\?next=.*"));
        screenshot("signin");

        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, named("Sign in")).click();

        assertThat(page).hasURL(Pattern.compile(".*/workspace/d/" + seed.domainId + "/cases$"));
        var cookie = context.cookies().stream().filter(c -> c.name.equals("oc_session")).findFirst().orElseThrow();
        assertThat(cookie.httpOnly).isTrue();
        assertThat(cookie.sameSite.name()).isEqualTo("LAX");
        assertThat(cookie.path).isEqualTo("/workspace");

        page.getByRole(AriaRole.BUTTON, named("Sign out")).click();
        page.navigate(base + "/domains");
        assertThat(page.getByLabel("Username")).isVisible();
    }

    @Test
    void wrongPasswordsAreRefusedAndThenSlowedDown() {
        for (int i = 0; i < 3; i++) {
            signIn(page, "guess-me", "not-the-password");
            assertThat(alert(page)).hasText("Wrong username or password.");
        }
        signIn(page, "guess-me", "not-the-password");
        assertThat(alert(page)).containsText("Too many failed sign-ins");
    }

    @Test
    void searchFindsACaseAndItsTitleLinksToIt() {
        String printer = seed.newCase("Printer prints only blank pages");
        seed.newCase("Invoice missing for March");
        signInAsAdmin();
        page.getByRole(AriaRole.LINK, named("support")).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Open"))).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Views"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Open \\d+$"))))
                .isVisible();

        page.getByRole(AriaRole.SEARCHBOX, named("Search")).fill("blank pages");
        page.getByRole(AriaRole.SEARCHBOX, named("Search")).press("Enter");

        assertThat(page.getByRole(AriaRole.LINK, named("Printer prints only blank pages"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, named("Invoice missing for March"))).hasCount(0);
        screenshot("case-list");
        page.getByRole(AriaRole.LINK, named("Printer prints only blank pages")).click();
        assertThat(page).hasURL(Pattern.compile(".*/cases/" + printer + "$"));
        assertThat(page.getByRole(AriaRole.HEADING, named("Printer prints only blank pages"))).isVisible();
    }

    @Test
    void aFieldUnderCaseRulesIsShownRequiredAndNarrowedLiveAndSavedWithTheAgentAsPerformer() {
        String caseId = seed.newCase("Charged twice for order 42");
        signInAsAdmin();
        openCase(page, caseId);
        assertThat(page.getByLabel("Refund reason")).isHidden();

        page.getByLabel("Category").selectOption("billing");

        assertThat(page.getByLabel(Pattern.compile("^Refund reason"))).isVisible();
        assertThat(page.locator("[data-field='" + seed.refundReason + "'] .req")).isVisible();
        assertThat(page.getByLabel("Sub-reason").locator("option[value=printer]")).isDisabled();
        assertThat(page.getByLabel("Sub-reason").locator("option[value=refund]")).isEnabled();
        page.getByLabel("Sub-reason").selectOption("refund");
        page.getByLabel(Pattern.compile("^Refund reason")).fill("Duplicate card charge");
        screenshot("case-page");
        page.getByRole(AriaRole.BUTTON, named("Save changes")).click();

        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Saved.")))
                .isVisible();
        assertThat(seed.value(caseId, seed.refundReason)).isEqualTo("Duplicate card charge");
        assertThat(seed.value(caseId, "last_updated_user"))
                .isEqualTo("arn:aws:connect:us-east-1:111111111111:instance/opencases/agent/admin");
        var audit = cases.getCaseAuditEvents(b -> b.domainId(seed.domainId).caseId(caseId)).auditEvents();
        assertThat(audit.get(audit.size() - 1).performedBy().user().userArn())
                .isEqualTo("arn:aws:connect:us-east-1:111111111111:instance/opencases/agent/admin");
    }

    @Test
    void theServerRefusesWhatTheRulesForbidAndTheFormSaysWhy() {
        String caseId = seed.newCase("Close me without a resolution");
        signInAsAdmin();
        openCase(page, caseId);

        page.getByLabel("Status").selectOption("closed");

        assertThat(page.locator("#notice")).containsText("needs a value");
        assertThat(seed.value(caseId, "status")).isEqualTo("open");
    }

    @Test
    void statusAssignAndCommentShowInTheFeedAndHistory() {
        String caseId = seed.newCase("Laptop will not boot");
        signInAsAdmin();
        openCase(page, caseId);

        page.getByRole(AriaRole.BUTTON, named("Assign to me")).click();
        assertThat(page.getByText("Assigned to: admin")).isVisible();
        page.getByLabel("Comment").fill("Asked the customer for the serial number.");
        page.getByRole(AriaRole.BUTTON, named("Add comment")).click();

        assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Activity feed"))
                .getByText("Asked the customer for the serial number.")).isVisible();
        assertThat(page.getByLabel("Comment")).hasValue("");
        page.getByText(Pattern.compile("^History")).click();
        assertThat(page.locator(".history-list")).containsText("Assigned User");
        assertThat(page.locator(".history-list")).containsText("admin");
        screenshot("case-feed");
        var items = cases.searchRelatedItems(b -> b.domainId(seed.domainId).caseId(caseId)).relatedItems();
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.content().comment().body()).isEqualTo("Asked the customer for the serial number.");
            assertThat(i.performedBy().userArn()).endsWith(":instance/opencases/agent/admin");
        });
        assertThat(seed.value(caseId, "assigned_user")).endsWith(":instance/opencases/agent/admin");
    }

    @Test
    void bulkStatusUpdateReportsEachCaseAndItsFailure() {
        String first = seed.newCase("Bulk one");
        String second = seed.newCase("Bulk two");
        String blocked = seed.newCase("Bulk three needs a resolution");
        String fourth = seed.newCase("Bulk four");
        seed.cases.updateCase(b -> b.domainId(seed.domainId).caseId(first).fields(
                WorkspaceSeed.text(seed.resolution, "Fixed")));
        seed.cases.updateCase(b -> b.domainId(seed.domainId).caseId(second).fields(
                WorkspaceSeed.text(seed.resolution, "Replaced")));
        signInAsAdmin();
        page.navigate(base + "/d/" + seed.domainId + "/cases?view=open&q=Bulk");

        page.getByLabel("Select Bulk one").check();
        page.getByLabel("Select Bulk two").check();
        page.getByLabel("Select Bulk three needs a resolution").check();
        page.getByLabel("Set status").selectOption("closed");
        applyBulk("Apply status");

        var results = page.locator("#bulk-results");
        assertThat(results).containsText("2 of 3 cases updated; 1 failed.");
        assertThat(results.locator("li.failed")).containsText("Bulk three needs a resolution");
        assertThat(results.locator("li.failed")).containsText("needs a value");
        assertThat(results.locator("li.ok")).hasCount(2);
        screenshot("bulk-update");
        assertThat(seed.value(first, "status")).isEqualTo("closed");
        assertThat(seed.value(second, "status")).isEqualTo("closed");
        assertThat(seed.value(blocked, "status")).isEqualTo("open");
        // One BatchUpdateCase, carrying the agent as performedBy exactly as a single UpdateCase does.
        for (String updated : List.of(first, second)) {
            var audit = cases.getCaseAuditEvents(b -> b.domainId(seed.domainId).caseId(updated)).auditEvents();
            assertThat(audit.get(audit.size() - 1).performedBy().user().userArn())
                    .isEqualTo("arn:aws:connect:us-east-1:111111111111:instance/opencases/agent/admin");
            assertThat(seed.value(updated, "last_updated_user"))
                    .isEqualTo("arn:aws:connect:us-east-1:111111111111:instance/opencases/agent/admin");
        }

        // A request the batch refuses as a whole changes nothing, and every selected case says why.
        page.getByLabel("Select Bulk three needs a resolution").check();
        applyBulk("Add comment to selected");
        assertThat(results).containsText("0 of 1 cases updated; 1 failed.");
        assertThat(results.locator("li.failed")).containsText("write something first");
        assertThat(cases.searchRelatedItems(b -> b.domainId(seed.domainId).caseId(blocked)).relatedItems())
                .isEmpty();

        page.getByLabel("Select Bulk four").check();
        page.getByLabel("Select Bulk three needs a resolution").check();
        page.getByLabel("Comment for selected").fill("Waiting for the resolution.");
        applyBulk("Add comment to selected");
        assertThat(results).containsText("2 of 2 cases updated.");
        assertThat(results.locator("li.ok")).hasCount(2);
        for (String commented : List.of(fourth, blocked)) {
            assertThat(cases.searchRelatedItems(b -> b.domainId(seed.domainId).caseId(commented)).relatedItems())
                    .singleElement().satisfies(i -> {
                        assertThat(i.content().comment().body()).isEqualTo("Waiting for the resolution.");
                        assertThat(i.performedBy().userArn()).endsWith(":instance/opencases/agent/admin");
                    });
        }
    }

    /**
     * Clicks a bulk action's button and waits for the case list's refresh that follows it, so the next selection
     * is not made in a table about to be replaced.
     */
    private void applyBulk(String button) {
        String before = page.locator("body").getAttribute("data-list-refreshed");
        page.getByRole(AriaRole.BUTTON, named(button)).click();
        // The page's CSP forbids eval, so wait with a locator: any stamp but the one before the click.
        assertThat(page.locator("body")).hasAttribute("data-list-refreshed",
                Pattern.compile(before == null ? ".+" : "^(?!" + before + "$).+"));
    }

    @Test
    void anotherSessionsChangeAppearsLiveAndUnsavedEditsSurvive() {
        String caseId = seed.newCase("Live update target");
        signInAsAdmin();
        openCase(page, caseId);
        assertThat(page.locator("body[data-live=on]")).hasCount(1);
        page.getByLabel("Summary").fill("Typed but not saved");

        try (BrowserContext other = browser.newContext()) {
            Page second = other.newPage();
            signIn(second, "admin", ADMIN_PASSWORD);
            openCase(second, caseId);
            second.getByLabel("Comment").fill("Comment from the second session");
            second.getByRole(AriaRole.BUTTON, named("Add comment")).click();
            assertThat(feed(second).getByText("Comment from the second session")).isVisible();
        }
        assertThat(feed(page).getByText("Comment from the second session")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(5_000));

        seed.cases.updateCase(b -> b.domainId(seed.domainId).caseId(caseId).fields(
                WorkspaceSeed.text("title", "Live update target (renamed by the API)")));
        assertThat(page.getByRole(AriaRole.HEADING, named("Live update target (renamed by the API)"))).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(5_000));
        assertThat(page.getByLabel("Summary")).hasValue("Typed but not saved");
        assertThat(page.getByLabel("Title")).hasValue("Live update target (renamed by the API)");
    }

    @Test
    void aTitleThatLooksLikeMarkupIsShownAsText() {
        String caseId = seed.newCase(XSS);
        seed.comment(caseId, "<script>alert('feed')</script>");
        signInAsAdmin();
        page.navigate(base + "/d/" + seed.domainId + "/cases?view=open");

        assertThat(page.getByRole(AriaRole.LINK, named(XSS))).isVisible();
        assertThat(page.locator("#case-table img")).hasCount(0);
        screenshot("xss-list");
        page.getByRole(AriaRole.LINK, named(XSS)).click();
        assertThat(page.getByRole(AriaRole.HEADING, named(XSS))).isVisible();
        assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Activity feed"))
                .getByText("<script>alert('feed')</script>")).isVisible();
        assertThat(page.locator("main img, main script")).hasCount(0);
    }

    @Test
    void aWriteWithoutTheSessionsCsrfTokenIsRefused() {
        String caseId = seed.newCase("CSRF target");
        signInAsAdmin();
        String url = base + "/d/" + seed.domainId + "/cases/" + caseId + "/comments";

        APIResponse missing = page.request().post(url, RequestOptions.create()
                .setForm(FormData.create().set("body", "forged")));
        APIResponse wrong = page.request().post(url, RequestOptions.create()
                .setForm(FormData.create().set("body", "forged").set("_csrf", "guessed")));
        APIResponse wrongHeader = page.request().post(url, RequestOptions.create()
                .setHeader("X-CSRF-Token", "guessed").setForm(FormData.create().set("body", "forged")));

        assertThat(missing.status()).isEqualTo(403);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrongHeader.status()).isEqualTo(403);
        assertThat(cases.searchRelatedItems(b -> b.domainId(seed.domainId).caseId(caseId)).relatedItems()).isEmpty();

        String token = page.locator("body").getAttribute("data-csrf");
        APIResponse right = page.request().post(url, RequestOptions.create()
                .setHeader("X-CSRF-Token", token).setForm(FormData.create().set("body", "with the token")));
        assertThat(right.status()).isEqualTo(200);
        assertThat(cases.searchRelatedItems(b -> b.domainId(seed.domainId).caseId(caseId)).relatedItems()).hasSize(1);
    }

    @Test
    void aCaseIsCreatedFromATemplate() {
        signInAsAdmin();
        page.navigate(base + "/d/" + seed.domainId + "/cases");
        page.getByRole(AriaRole.LINK, named("New case")).click();
        assertThat(page.getByLabel("Template")).hasValue(seed.templateId);

        page.getByLabel("Title").fill("Created in the workspace");
        page.getByLabel("Customer").fill(WorkspaceSeed.CUSTOMER);
        page.getByLabel("Category").selectOption("technical");
        page.getByLabel("Sub-reason").selectOption("printer");
        screenshot("new-case");
        page.getByRole(AriaRole.BUTTON, named("Create case")).click();

        assertThat(page.getByRole(AriaRole.HEADING, named("Created in the workspace"))).isVisible();
        String caseId = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(seed.value(caseId, seed.subReason)).isEqualTo("printer");
    }

    @Test
    void keyboardShortcutsSearchMoveThroughTheListAndComment() {
        seed.newCase("Keyboard first");
        seed.newCase("Keyboard second");
        signInAsAdmin();
        page.navigate(base + "/d/" + seed.domainId + "/cases?view=open&q=Keyboard");
        page.locator("body").click(new Locator.ClickOptions().setPosition(1, 1));

        page.keyboard().press("?");
        assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts")))
                .isVisible();
        page.keyboard().press("Escape");
        page.keyboard().press("j");
        assertThat(page.locator("#case-table tbody tr").first()).hasClass(Pattern.compile("current"));
        page.keyboard().press("j");
        assertThat(page.locator("#case-table tbody tr").nth(1)).hasClass(Pattern.compile("current"));
        page.keyboard().press("k");
        assertThat(page.locator("#case-table tbody tr").first()).hasClass(Pattern.compile("current"));
        page.keyboard().press("Enter");
        assertThat(page.getByLabel("Comment")).isVisible();
        page.locator("body").click(new Locator.ClickOptions().setPosition(1, 1));
        page.keyboard().press("c");
        assertThat(page.getByLabel("Comment")).isFocused();
        page.goBack();
        page.locator("body").click(new Locator.ClickOptions().setPosition(1, 1));
        page.keyboard().press("/");
        assertThat(page.getByRole(AriaRole.SEARCHBOX, named("Search"))).isFocused();
    }

    @Test
    void anAdminAddsDisablesAndResetsAgents() {
        signInAsAdmin();
        page.getByRole(AriaRole.LINK, named("Agents")).click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("sam");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("sam-password-1");
        page.getByLabel("Role").selectOption("agent");
        page.getByRole(AriaRole.BUTTON, named("Add agent")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Added sam.");
        screenshot("admin");

        try (BrowserContext samContext = browser.newContext()) {
            Page sam = samContext.newPage();
            signIn(sam, "sam", "sam-password-1");
            assertThat(sam.getByRole(AriaRole.HEADING, named("Pick a domain"))).isVisible();
            assertThat(sam.getByRole(AriaRole.LINK, named("Agents"))).hasCount(0);

            page.getByRole(AriaRole.BUTTON, named("Disable sam")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Disabled sam.");
            sam.reload();
            assertThat(sam.getByLabel("Username")).isVisible();
            signIn(sam, "sam", "sam-password-1");
            assertThat(alert(sam)).hasText("Wrong username or password.");

            page.getByRole(AriaRole.BUTTON, named("Enable sam")).click();
            page.getByLabel("New password for sam").fill("sam-password-2");
            page.getByRole(AriaRole.BUTTON, named("Reset password")).nth(1).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("New password set for sam.");
            signIn(sam, "sam", "sam-password-2");
            assertThat(sam.getByRole(AriaRole.HEADING, named("Pick a domain"))).isVisible();
        }
    }

    @Test
    void theFeedShowsEveryKindOfItemNewestFirstWithTheSlasStatus() {
        String other = seed.newCase("The connected case");
        String caseId = seed.newCase("Case with every kind of item");
        seed.everyKindOfItem(caseId, 2, other);
        signInAsAdmin();
        openCase(page, caseId);

        var entries = feed(page).getByRole(AriaRole.LISTITEM);
        assertThat(entries).hasCount(7);
        assertThat(entries.nth(0)).containsText("Custom item");
        assertThat(entries.nth(0)).containsText("Resolution: Custom note");
        assertThat(entries.nth(1)).containsText("Connected case");
        assertThat(entries.nth(2)).containsText("SLA: First response");
        assertThat(entries.nth(2).locator(".badge")).hasText("Active");
        assertThat(entries.nth(3)).containsText("File");
        assertThat(entries.nth(4)).containsText("Contact");
        assertThat(entries.nth(5)).containsText("Comment number 2");
        assertThat(entries.nth(6)).containsText("Comment number 1");
        screenshot("case-activity");
        entries.nth(1).getByRole(AriaRole.LINK).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("The connected case"))).isVisible();
    }

    @Test
    void anAgentSavesAViewWithItsFilterSortAndColumns() {
        seed.newCase("Saved view: billing one", seed.category, "billing", seed.refundReason, "Charged twice");
        seed.newCase("Saved view: technical", seed.category, "technical");
        signInAsAdmin();
        page.navigate(base + "/d/" + seed.domainId + "/cases");
        page.getByText("Save a view").click();
        page.getByLabel("View name", new Page.GetByLabelOptions().setExact(true)).fill("Billing queue");
        page.getByLabel("Words to match", new Page.GetByLabelOptions().setExact(true)).fill("Saved view");
        page.getByLabel("Where field", new Page.GetByLabelOptions().setExact(true)).selectOption(seed.category);
        page.getByLabel("equals", new Page.GetByLabelOptions().setExact(true)).fill("billing");
        page.getByLabel("Sort by", new Page.GetByLabelOptions().setExact(true)).selectOption("title");
        page.getByLabel("Order", new Page.GetByLabelOptions().setExact(true)).selectOption("asc");
        page.getByRole(AriaRole.CHECKBOX, named("Category")).check();
        page.getByRole(AriaRole.CHECKBOX, named("Assigned User")).uncheck();
        page.getByRole(AriaRole.BUTTON, named("Save view")).click();

        var views = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Views"));
        assertThat(views.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Billing queue 1")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, named("Billing queue"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, named("Saved view: billing one"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, named("Saved view: technical"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.COLUMNHEADER, named("Category"))).isVisible();
        assertThat(page.getByRole(AriaRole.COLUMNHEADER, named("Assigned User"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.CELL, named("Billing"))).isVisible();
        screenshot("saved-view");

        page.getByRole(AriaRole.BUTTON, named("Delete view Billing queue")).click();
        assertThat(views.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Billing queue 1")))
                .hasCount(0);
    }
}
