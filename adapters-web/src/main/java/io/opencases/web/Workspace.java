package io.opencases.web;

import io.opencases.application.agent.AgentCommands;
import io.opencases.application.casesdomain.DomainCommands;
import io.opencases.domain.DomainException;
import io.opencases.domain.agent.Agent;
import io.opencases.web.view.Views.ErrorPage;
import io.opencases.web.view.Views.Shell;
import io.opencases.web.view.Views.SignInPage;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent workspace under {@code /workspace/}: sign-in and sessions, CSRF checks, static assets, and the routes
 * of the pages. Everything but the sign-in page and the assets needs a session; every POST needs the session's
 * CSRF token (form field {@code _csrf} or header {@code X-CSRF-Token}, which htmx sends on every request).
 */
public final class Workspace implements HttpHandler, AutoCloseable {
    public static final String PREFIX = "/workspace";
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);
    private static final String SESSION_COOKIE = "oc_session";
    private static final String SIGNIN_COOKIE = "oc_signin";
    private static final HttpString CSRF_HEADER = new HttpString("X-CSRF-Token");
    private static final Pattern CASE_ROUTE = Pattern.compile(
            "/d/([^/]+)/cases/([^/]+)(?:/(header|fields|feed|history|status|assign|comments|rules))?");
    private static final Pattern DOMAIN_ROUTE = Pattern.compile("/d/([^/]+)(/[a-z]+)?");
    private static final Pattern VIEW_DELETE = Pattern.compile("/d/([^/]+)/views/([^/]+)/delete");
    private static final Pattern ADMIN_ACTION = Pattern.compile("/admin/agents/([^/]+)/(disable|enable|reset)");

    private final WorkspaceUseCases useCases;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final Templates templates = new Templates();
    private final CasePages cases;
    private final ListPages lists;
    private final AdminPages admin;
    private final LiveUpdates live;
    private final Map<String, byte[]> assets = new ConcurrentHashMap<>();
    private final String htmxPath;

    public Workspace(WorkspaceUseCases useCases, Clock clock) {
        this.useCases = useCases;
        this.sessions = new Sessions(clock);
        this.throttle = new SignInThrottle(clock);
        this.cases = new CasePages(useCases);
        this.lists = new ListPages(useCases);
        this.admin = new AdminPages(useCases, sessions);
        this.live = new LiveUpdates(useCases.changes());
        this.htmxPath = "/META-INF/resources/webjars/htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js";
    }

    /** Starts following the change feed for live pages. */
    public void start() {
        live.start();
    }

    @Override
    public void close() {
        live.close();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        String full = exchange.getRequestPath();
        String path = full.length() <= PREFIX.length() ? "/" : full.substring(PREFIX.length());
        var headers = exchange.getResponseHeaders();
        headers.put(new HttpString("X-Content-Type-Options"), "nosniff");
        headers.put(new HttpString("X-Frame-Options"), "DENY");
        headers.put(new HttpString("Referrer-Policy"), "same-origin");
        headers.put(new HttpString("Content-Security-Policy"), "default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                + "form-action 'self'; base-uri 'none'");
        if (path.startsWith("/static/")) {
            serveAsset(exchange, path.substring("/static/".length()));
            return;
        }
        var r = new WebRequest(exchange, path);
        try {
            route(r);
        } catch (DomainException e) {
            int status = e instanceof DomainException.NotFound ? StatusCodes.NOT_FOUND : StatusCodes.BAD_REQUEST;
            fail(r, status, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Workspace request {} {} failed", exchange.getRequestMethod(), full, e);
            fail(r, StatusCodes.INTERNAL_SERVER_ERROR, "Something went wrong on the server; it is logged.");
        }
    }

    private void route(WebRequest r) throws Exception {
        String path = r.path;
        boolean post = r.isPost();
        if (path.equals("/signin")) {
            if (post) {
                signIn(r);
            } else {
                signInPage(r, null, null, StatusCodes.OK);
            }
            return;
        }
        if (!authenticate(r)) {
            return;
        }
        if (post && !csrfOk(r)) {
            fail(r, StatusCodes.FORBIDDEN, "The form's security token is missing or out of date. Reload the page "
                    + "and try again.");
            return;
        }
        if (path.equals("/") || path.isEmpty()) {
            redirect(r, PREFIX + "/domains");
            return;
        }
        if (path.equals("/signout") && post) {
            sessions.end(r.session.id());
            clearCookie(r, SESSION_COOKIE);
            redirect(r, PREFIX + "/signin");
            return;
        }
        if (path.equals("/domains")) {
            html(r, templates.render("domains.jte", lists.domains(r, shell(r, "Domains", null, null))));
            return;
        }
        if (path.equals("/events")) {
            String domainId = r.param("domain");
            requireDomain(r, domainId);
            live.open(r.exchange);
            return;
        }
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            admin(r);
            return;
        }
        Matcher m = CASE_ROUTE.matcher(path);
        if (m.matches()) {
            caseRoute(r, m.group(1), m.group(2), m.group(3));
            return;
        }
        m = VIEW_DELETE.matcher(path);
        if (m.matches() && post) {
            lists.deleteView(r, m.group(2));
            redirect(r, ListPages.listUrl(m.group(1), "open", null));
            return;
        }
        m = DOMAIN_ROUTE.matcher(path);
        if (m.matches()) {
            domainRoute(r, m.group(1), m.group(2) == null ? "" : m.group(2));
            return;
        }
        fail(r, StatusCodes.NOT_FOUND, "There is no page at " + r.exchange.getRequestPath() + ".");
    }

    private void domainRoute(WebRequest r, String domainId, String rest) {
        boolean post = r.isPost();
        switch (rest) {
            case "" -> redirect(r, ListPages.listUrl(domainId, "open", null));
            case "/cases" -> {
                if ("table".equals(r.param("fragment"))) {
                    html(r, templates.render("table.jte", lists.table(r, domainId)));
                } else {
                    html(r, templates.render("cases.jte", lists.list(r, shell(r, "Cases", null, null), domainId)));
                }
            }
            case "/views" -> {
                if (!post) {
                    throw new DomainException.NotFound("Page", r.path);
                }
                String key = lists.saveView(r, domainId);
                redirect(r, ListPages.listUrl(domainId, key, null));
            }
            case "/bulk" -> {
                if (!post) {
                    throw new DomainException.NotFound("Page", r.path);
                }
                var results = lists.bulk(r, domainId);
                r.exchange.getResponseHeaders().put(new HttpString("HX-Trigger"), "list-refresh");
                html(r, templates.render("bulk.jte", results));
            }
            case "/rules" -> json(r, cases.rules(r, domainId, null));
            case "/new" -> {
                if (post) {
                    try {
                        String caseId = cases.create(r, domainId);
                        redirect(r, PREFIX + "/d/" + domainId + "/cases/" + caseId);
                    } catch (DomainException e) {
                        r.exchange.setStatusCode(StatusCodes.BAD_REQUEST);
                        html(r, templates.render("newcase.jte", cases.newCase(r, shell(r, "New case", null, null),
                                domainId, CasePages.postedFields(r), e.getMessage())));
                    }
                } else {
                    html(r, templates.render("newcase.jte", cases.newCase(r, shell(r, "New case", null, null),
                            domainId, Map.of(), null)));
                }
            }
            default -> throw new DomainException.NotFound("Page", r.path);
        }
    }

    private void caseRoute(WebRequest r, String domainId, String caseId, String part) {
        boolean post = r.isPost();
        if (part == null) {
            html(r, templates.render("case.jte", cases.page(r, shell(r, "Case", null, null), domainId, caseId)));
            return;
        }
        switch (part) {
            case "header" -> html(r, templates.render("header.jte", cases.header(r, domainId, caseId)));
            case "feed" -> html(r, templates.render("feed.jte", cases.feed(r, domainId, caseId)));
            case "history" -> html(r, templates.render("history.jte", cases.history(r, domainId, caseId)));
            case "fields" -> html(r, templates.render("fields.jte", post ? cases.save(r, domainId, caseId)
                    : cases.fields(r, domainId, caseId)));
            case "rules" -> json(r, cases.rules(r, domainId, caseId));
            case "status", "assign", "comments" -> {
                if (!post) {
                    throw new DomainException.NotFound("Page", r.path);
                }
                if (part.equals("status")) {
                    cases.setStatus(r, domainId, caseId);
                } else if (part.equals("assign")) {
                    cases.assignToMe(r, domainId, caseId);
                } else {
                    cases.comment(r, domainId, caseId);
                }
                // The page refreshes what changed (header, fields, feed) without losing edits in progress.
                r.exchange.getResponseHeaders().put(new HttpString("HX-Trigger"), "case-refresh");
                if (part.equals("comments")) {
                    html(r, templates.render("feed.jte", cases.feed(r, domainId, caseId)));
                } else {
                    html(r, templates.render("header.jte", cases.header(r, domainId, caseId)));
                }
            }
            default -> throw new DomainException.NotFound("Page", r.path);
        }
    }

    private void admin(WebRequest r) {
        Shell shell = shell(r, "Agents", null, null);
        if (!r.agent.isAdmin()) {
            fail(r, StatusCodes.FORBIDDEN, "Only admins manage agents.");
            return;
        }
        String message = null;
        boolean error = false;
        if (r.isPost()) {
            Matcher m = ADMIN_ACTION.matcher(r.path);
            try {
                if (r.path.equals("/admin/agents")) {
                    message = admin.act(r, "add", null);
                } else if (m.matches()) {
                    message = admin.act(r, m.group(2), m.group(1));
                } else {
                    throw new DomainException.NotFound("Page", r.path);
                }
            } catch (DomainException.Invalid | DomainException.Conflict e) {
                message = e.getMessage();
                error = true;
                r.exchange.setStatusCode(StatusCodes.BAD_REQUEST);
            }
        } else if (!r.path.equals("/admin")) {
            throw new DomainException.NotFound("Page", r.path);
        }
        html(r, templates.render("admin.jte", admin.page(r, shell, message, error)));
    }

    // ---- Sign-in, sessions, CSRF ----

    private void signInPage(WebRequest r, String username, String error, int status) {
        String token = Sessions.randomToken();
        setCookie(r, SIGNIN_COOKIE, token, "Strict");
        r.exchange.setStatusCode(status);
        html(r, templates.render("signin.jte", new SignInPage(token, username, error)));
    }

    private void signIn(WebRequest r) {
        Cookie expected = r.exchange.getRequestCookie(SIGNIN_COOKIE);
        if (expected == null || !same(expected.getValue(), r.param("_csrf"))) {
            signInPage(r, r.param("username"), "Your sign-in form expired. Please try again.",
                    StatusCodes.FORBIDDEN);
            return;
        }
        String name = r.param("username") == null ? "" : r.param("username").strip();
        String address = r.exchange.getSourceAddress().getAddress().getHostAddress();
        Duration wait = throttle.waitFor(name, address);
        if (!wait.isZero()) {
            signInPage(r, name, "Too many failed sign-ins. Try again in " + Math.max(1, wait.toSeconds())
                    + " seconds.", StatusCodes.TOO_MANY_REQUESTS);
            return;
        }
        var agent = useCases.agents().signIn(new AgentCommands.SignIn(name, r.param("password")));
        if (agent.isEmpty()) {
            throttle.failed(name, address);
            signInPage(r, name, "Wrong username or password.", StatusCodes.UNAUTHORIZED);
            return;
        }
        throttle.succeeded(name);
        var session = sessions.create(agent.get().name());
        setCookie(r, SESSION_COOKIE, session.id(), "Lax");
        clearCookie(r, SIGNIN_COOKIE);
        String next = r.param("next");
        redirect(r, next != null && next.startsWith(PREFIX + "/") && !next.startsWith("//") && !next.contains("\\")
                ? next : PREFIX + "/domains");
    }

    /** Finds the session and its agent (still enabled); otherwise sends the browser to sign in. */
    private boolean authenticate(WebRequest r) {
        Cookie cookie = r.exchange.getRequestCookie(SESSION_COOKIE);
        var session = sessions.find(cookie == null ? null : cookie.getValue());
        Agent agent = session.flatMap(s -> useCases.agents().find(s.agentName())).filter(a -> !a.disabled())
                .orElse(null);
        if (agent == null) {
            session.ifPresent(s -> sessions.end(s.id()));
            String target = PREFIX + "/signin";
            if (!r.isPost() && !r.isHtmx() && !r.path.equals("/events")) {
                String query = r.exchange.getQueryString();
                String here = r.exchange.getRequestPath() + (query == null || query.isEmpty() ? "" : "?" + query);
                target += "?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
            }
            if (r.isHtmx()) {
                r.exchange.getResponseHeaders().put(new HttpString("HX-Redirect"), target);
                r.exchange.setStatusCode(StatusCodes.UNAUTHORIZED);
                r.exchange.endExchange();
            } else if (r.isPost() || r.path.equals("/events")) {
                fail(r, StatusCodes.UNAUTHORIZED, "Your session has ended. Sign in again.");
            } else {
                redirect(r, target);
            }
            return false;
        }
        r.session = session.get();
        r.agent = agent;
        return true;
    }

    private boolean csrfOk(WebRequest r) {
        String sent = r.exchange.getRequestHeaders().getFirst(CSRF_HEADER);
        if (sent == null) {
            sent = r.param("_csrf");
        }
        return same(r.session.csrfToken(), sent);
    }

    private static boolean same(String expected, String sent) {
        return expected != null && sent != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean secure(WebRequest r) {
        return "https".equalsIgnoreCase(r.exchange.getRequestScheme())
                || "https".equalsIgnoreCase(r.exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"));
    }

    private static void setCookie(WebRequest r, String name, String value, String sameSite) {
        r.exchange.setResponseCookie(new CookieImpl(name, value).setPath(PREFIX).setHttpOnly(true)
                .setSameSiteMode(sameSite).setSecure(secure(r)));
    }

    private static void clearCookie(WebRequest r, String name) {
        r.exchange.setResponseCookie(new CookieImpl(name, "").setPath(PREFIX).setHttpOnly(true)
                .setSameSiteMode("Lax").setSecure(secure(r)).setMaxAge(0));
    }

    private void requireDomain(WebRequest r, String domainId) {
        if (domainId == null) {
            throw DomainException.invalid("domain: which domain?");
        }
        useCases.domains().getDomain(new DomainCommands.GetDomain(r.caller(), domainId));
    }

    private Shell shell(WebRequest r, String title, String domainId, String domainName) {
        return new Shell(title + " – OpenCases", r.agent.name(), r.agent.isAdmin(), r.session.csrfToken(), domainId,
                domainName);
    }

    // ---- Responses ----

    private void fail(WebRequest r, int status, String message) {
        if (r.exchange.isResponseStarted()) {
            return;
        }
        r.exchange.setStatusCode(status);
        if (r.isHtmx()) {
            // Shown in the page's notice area, whatever element the request meant to update.
            r.exchange.getResponseHeaders().put(new HttpString("HX-Retarget"), "#notice");
            r.exchange.getResponseHeaders().put(new HttpString("HX-Reswap"), "innerHTML");
        }
        Shell shell = r.agent == null ? null : shell(r, "Error", null, null);
        html(r, templates.render(r.isHtmx() ? "notice.jte" : "error.jte", new ErrorPage(shell, status, message)));
    }

    private static void html(WebRequest r, String body) {
        r.exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
        r.exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        r.exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    private static void json(WebRequest r, String body) {
        r.exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        r.exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        r.exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    private static void redirect(WebRequest r, String location) {
        if (r.isHtmx()) {
            r.exchange.getResponseHeaders().put(new HttpString("HX-Redirect"), location);
            r.exchange.endExchange();
            return;
        }
        r.exchange.setStatusCode(StatusCodes.SEE_OTHER);
        r.exchange.getResponseHeaders().put(Headers.LOCATION, location);
        r.exchange.endExchange();
    }

    private void serveAsset(HttpServerExchange exchange, String name) {
        String resource = switch (name) {
            case "htmx.min.js" -> htmxPath;
            case "app.js", "app.css" -> "/io/opencases/web/static/" + name;
            default -> null;
        };
        byte[] body = resource == null ? null : assets.computeIfAbsent(resource, Workspace::readResource);
        if (body == null || body.length == 0) {
            exchange.setStatusCode(StatusCodes.NOT_FOUND);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, name.endsWith(".css") ? "text/css; charset=UTF-8"
                : "text/javascript; charset=UTF-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private static byte[] readResource(String resource) {
        try (InputStream in = Workspace.class.getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion(String artifact) {
        String file = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Workspace.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("The " + artifact + " WebJar is not on the classpath");
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
