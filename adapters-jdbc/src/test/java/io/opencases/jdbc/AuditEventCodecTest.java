package io.opencases.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opencases.domain.cases.AuditEvent;
import io.opencases.domain.cases.AuditEventType;
import io.opencases.domain.cases.CaseUser;
import io.opencases.domain.field.FieldValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written audit document is the one {@link Documents} wrote before it (and still reads), member for member,
 * for every kind of value, user, change and merge.
 */
class AuditEventCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678901234Z");

    private static List<AuditEvent> events() {
        var values = List.<FieldValue>of(new FieldValue.StringValue("Printer on fire \u00e9 \ud83d\udd25 \"q\""),
                new FieldValue.DoubleValue(12.25), new FieldValue.DoubleValue(-0.0),
                new FieldValue.DoubleValue(Double.NaN), new FieldValue.DoubleValue(Double.MAX_VALUE),
                new FieldValue.BooleanValue(true), new FieldValue.BooleanValue(false),
                new FieldValue.UserArnValue("arn:aws:connect:us-east-1:111111111111:instance/i/agent/a"),
                FieldValue.EMPTY);
        var changes = new ArrayList<AuditEvent.Change>();
        for (int i = 0; i < values.size(); i++) {
            changes.add(new AuditEvent.Change("f" + i, i % 2 == 0 ? null : values.get((i + 3) % values.size()),
                    values.get(i)));
        }
        var users = new ArrayList<CaseUser>();
        users.add(null);
        users.add(new CaseUser.UserArn("arn:aws:connect:us-east-1:111111111111:instance/i/agent/b"));
        users.add(new CaseUser.CustomEntity("job \\ runner"));
        var events = new ArrayList<AuditEvent>();
        for (AuditEventType type : AuditEventType.values()) {
            for (CaseUser user : users) {
                events.add(new AuditEvent("e-" + type, "d", "c", type, type.name().startsWith("RELATED")
                        ? "Comment" : null, T0, changes, user, "arn:aws:iam::111111111111:root",
                        type == AuditEventType.CASE_MERGED ? new AuditEvent.MergeMetadata("m", "p", "s") : null));
            }
        }
        events.add(new AuditEvent("e", "d", "c", AuditEventType.CASE_UPDATED, null,
                Instant.parse("2026-01-02T03:04:05Z"), List.of(), null, "arn:aws:iam::111111111111:root"));
        return events;
    }

    @Test
    void writesWhatDocumentsWroteAndReadsBack() throws IOException {
        for (AuditEvent event : events()) {
            String written = AuditEventCodec.write(event);
            assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(Documents.write(event)));
            assertThat(written).isEqualTo(Documents.write(event));
            assertThat(Documents.read(written, AuditEvent.class)).isEqualTo(event);
        }
    }
}
