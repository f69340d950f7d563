package io.opencases.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.opencases.domain.cases.Case;
import io.opencases.domain.field.FieldValue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The stored case document, written and read by hand (Jackson's streaming API, no reflection of the domain's
 * records), so renaming a record component can never change what is on disk. The format is the one the first
 * release wrote through {@link Documents}, which data directories already hold:
 * <pre>{"domainId":"…","caseId":"…","templateId":"…","createdTime":"2026-01-02T03:04:05.678Z",
 *  "values":{"title":{"@type":"String","value":"…"},"amount":{"@type":"Double","value":"12.25"},
 *            "urgent":{"@type":"Boolean","value":false},"owner":{"@type":"UserArn","value":"arn:…"}}}</pre>
 * Numbers are their Java text (JSONB numbers have no -0.0, NaN or infinities); instants are ISO-8601 with every
 * nanosecond. Unknown members are skipped, so a newer release may add some. The golden fixtures in the tests pin it.
 */
final class CaseCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private CaseCodec() {
    }

    static String write(Case aCase) {
        var out = new StringWriter(256 + aCase.values().size() * 48);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("domainId", aCase.domainId());
            json.writeStringField("caseId", aCase.caseId());
            json.writeStringField("templateId", aCase.templateId());
            json.writeFieldName("values");
            json.writeStartObject();
            for (var entry : aCase.values().entrySet()) {
                json.writeFieldName(entry.getKey());
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
            json.writeStringField("createdTime", aCase.createdTime().toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static void writeValue(JsonGenerator json, FieldValue value) throws IOException {
        json.writeStartObject();
        if (value instanceof FieldValue.StringValue s) {
            json.writeStringField("@type", "String");
            json.writeStringField("value", s.value());
        } else if (value instanceof FieldValue.DoubleValue d) {
            json.writeStringField("@type", "Double");
            json.writeStringField("value", Double.toString(d.value()));
        } else if (value instanceof FieldValue.BooleanValue b) {
            json.writeStringField("@type", "Boolean");
            json.writeBooleanField("value", b.value());
        } else if (value instanceof FieldValue.UserArnValue u) {
            json.writeStringField("@type", "UserArn");
            json.writeStringField("value", u.value());
        } else {
            json.writeStringField("@type", "Empty");
        }
        json.writeEndObject();
    }

    static Case read(String document) {
        try (JsonParser json = JSON.createParser(document)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            String domainId = null;
            String caseId = null;
            String templateId = null;
            Instant createdTime = null;
            Map<String, FieldValue> values = Map.of();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.getCurrentName();
                JsonToken token = json.nextToken();
                switch (name) {
                    case "domainId" -> domainId = json.getText();
                    case "caseId" -> caseId = json.getText();
                    case "templateId" -> templateId = json.getText();
                    case "createdTime" -> createdTime = instant(json.getText());
                    case "values" -> values = readValues(json, token);
                    default -> json.skipChildren();
                }
            }
            return new Case(domainId, caseId, templateId, values, createdTime);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored case", e);
        }
    }

    private static Map<String, FieldValue> readValues(JsonParser json, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        var values = new HashMap<String, FieldValue>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String fieldId = json.getCurrentName();
            expect(json.nextToken(), JsonToken.START_OBJECT);
            String type = null;
            String text = null;
            Boolean bool = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String member = json.getCurrentName();
                JsonToken token = json.nextToken();
                if ("@type".equals(member)) {
                    type = json.getText();
                } else if ("value".equals(member)) {
                    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                        bool = token == JsonToken.VALUE_TRUE;
                    } else {
                        text = json.getText();
                    }
                } else {
                    json.skipChildren();
                }
            }
            FieldValue value = switch (String.valueOf(type)) {
                case "String" -> new FieldValue.StringValue(text);
                case "Double" -> new FieldValue.DoubleValue(Double.parseDouble(text));
                case "Boolean" -> new FieldValue.BooleanValue(bool != null ? bool : Boolean.parseBoolean(text));
                case "UserArn" -> new FieldValue.UserArnValue(text);
                case "Empty" -> null;
                default -> throw new IOException("unknown value type " + type + " of field " + fieldId);
            };
            if (value != null) {
                values.put(fieldId, value);
            }
        }
        return values;
    }

    /**
     * An instant as {@link Instant#toString()} writes it ({@code 2026-01-02T03:04:05Z}, with 3, 6 or 9 fraction
     * digits), read by hand: {@code Instant.parse} took half of decoding a case. Any other text goes to
     * {@code Instant.parse}, which reads or refuses it.
     */
    static Instant instant(String text) {
        int length = text.length();
        if (length >= 20 && length <= 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(length - 1) == 'Z'
                && (length == 20 || text.charAt(19) == '.' && length > 21)) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int fraction = length == 20 ? 0 : digits(text, 20, length - 1);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && fraction >= 0) {
                int nanos = fraction;
                for (int i = length - 1 - 20; i < 9; i++) {
                    nanos *= 10;
                }
                // LocalDateTime.of checks every range, as Instant.parse does.
                return java.time.LocalDateTime.of(year, month, day, hour, minute, second, length == 20 ? 0 : nanos)
                        .toInstant(java.time.ZoneOffset.UTC);
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }
}
