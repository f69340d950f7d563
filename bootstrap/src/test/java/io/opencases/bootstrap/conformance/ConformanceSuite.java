package io.opencases.bootstrap.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.connectcases.ConnectCasesClient;

import java.util.UUID;

/** Base of the SDK conformance classes: one server per class, account A's client, a fresh domain per test. */
abstract class ConformanceSuite {
    static final String ACCOUNT = TestServer.ACCOUNT_A.accountId();
    static TestServer server;
    static ConnectCasesClient cases;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        cases = server.client();
    }

    @AfterAll
    static void stopServer() {
        cases.close();
        server.close();
    }

    static String newDomain() {
        return cases.createDomain(b -> b.name("domain-" + UUID.randomUUID())).domainId();
    }

    static String domainArn(String domainId) {
        return "arn:aws:cases:us-east-1:" + ACCOUNT + ":domain/" + domainId;
    }

    static String textField(String domainId, String name) {
        return cases.createField(b -> b.domainId(domainId).name(name).type("Text")).fieldId();
    }

    static String selectField(String domainId, String name) {
        return cases.createField(b -> b.domainId(domainId).name(name).type("SingleSelect")).fieldId();
    }
}
