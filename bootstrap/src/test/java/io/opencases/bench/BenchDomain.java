package io.opencases.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The benchmarks' domain, made over HTTP (auth off): a template and one custom field per given type. */
record BenchDomain(String domainId, String templateId, List<String> fieldIds) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static BenchDomain create(HttpClient http, String base, String... fieldTypes) throws Exception {
        String domainId = post(http, base + "/domains", "{\"name\":\"bench\"}", "domainId");
        String templateId = post(http, base + "/domains/" + domainId + "/templates", "{\"name\":\"t\"}",
                "templateId");
        var fieldIds = new ArrayList<String>();
        for (int i = 0; i < fieldTypes.length; i++) {
            fieldIds.add(post(http, base + "/domains/" + domainId + "/fields",
                    "{\"name\":\"f" + i + "\",\"type\":\"" + fieldTypes[i] + "\"}", "fieldId"));
        }
        return new BenchDomain(domainId, templateId, List.copyOf(fieldIds));
    }

    private static String post(HttpClient http, String url, String body, String member) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get(member).asText();
    }
}
