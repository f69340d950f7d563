package io.opencases.lucene;

import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A case document as the bytes of one binary doc value: a version byte, the three ids, then the values (a kind byte
 * and the value each) and the tags, every string as a vInt length and UTF-8. Hand-written so the module needs no
 * JSON library and a hit decodes in a few hundred nanoseconds.
 */
final class DocumentCodec {
    private static final byte VERSION = 1;
    private static final byte STRING = 1;
    private static final byte DOUBLE = 2;
    private static final byte BOOLEAN = 3;
    private static final byte USER_ARN = 4;
    private static final byte EMPTY = 5;

    private DocumentCodec() {
    }

    /** Each indexing thread encodes into its own buffer, reused from case to case (the result is a copy). */
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

    /** A growable byte array; DataOutput writes strings and vInts on top of its two methods. */
    private static final class Buffer extends DataOutput {
        private byte[] bytes = new byte[1024];
        private int length;

        @Override
        public void writeByte(byte b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[length++] = b;
        }

        @Override
        public void writeBytes(byte[] b, int offset, int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(b, offset, bytes, length, count);
            length += count;
        }
    }

    static byte[] encode(CaseDocument document) {
        var out = BUFFER.get();
        out.length = 0;
        try {
            out.writeByte(VERSION);
            out.writeString(document.domainId());
            out.writeString(document.caseId());
            out.writeString(document.templateId());
            out.writeVInt(document.values().size());
            for (var entry : document.values().entrySet()) {
                out.writeString(entry.getKey());
                writeValue(out, entry.getValue());
            }
            out.writeVInt(document.tags().size());
            for (var entry : document.tags().entrySet()) {
                out.writeString(entry.getKey());
                out.writeString(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(out.bytes, out.length);
    }

    private static void writeValue(DataOutput out, FieldValue value) throws IOException {
        if (value instanceof FieldValue.StringValue s) {
            out.writeByte(STRING);
            out.writeString(s.value());
        } else if (value instanceof FieldValue.DoubleValue d) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(d.value()));
        } else if (value instanceof FieldValue.BooleanValue b) {
            out.writeByte(BOOLEAN);
            out.writeByte((byte) (b.value() ? 1 : 0));
        } else if (value instanceof FieldValue.UserArnValue u) {
            out.writeByte(USER_ARN);
            out.writeString(u.value());
        } else {
            out.writeByte(EMPTY);
        }
    }

    static CaseDocument decode(BytesRef bytes) {
        return decode(bytes, null);
    }

    /**
     * The document with only the values in {@code wanted} (all when null): the others are skipped over without
     * being decoded, which is most of a search hit's cost when a page asks for a few fields.
     */
    static CaseDocument decode(BytesRef bytes, Set<String> wanted) {
        try {
            return read(new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length), wanted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CaseDocument read(ByteArrayDataInput in, Set<String> wanted) throws IOException {
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("stored case document of unknown version " + version);
        }
        String domainId = in.readString();
        String caseId = in.readString();
        String templateId = in.readString();
        int valueCount = in.readVInt();
        var values = new HashMap<String, FieldValue>(wanted == null ? valueCount * 2 : wanted.size() * 2);
        for (int i = 0; i < valueCount; i++) {
            String id = in.readString();
            if (wanted == null || wanted.contains(id)) {
                values.put(id, readValue(in));
            } else {
                skipValue(in);
            }
        }
        int tagCount = in.readVInt();
        Map<String, String> tags = tagCount == 0 ? Map.of() : new HashMap<>(tagCount * 2);
        for (int i = 0; i < tagCount; i++) {
            tags.put(in.readString(), in.readString());
        }
        return new CaseDocument(domainId, caseId, templateId, values, tags);
    }

    private static void skipValue(ByteArrayDataInput in) throws IOException {
        byte kind = in.readByte();
        switch (kind) {
            case STRING, USER_ARN -> in.skipBytes(in.readVInt());
            case DOUBLE -> in.skipBytes(Long.BYTES);
            case BOOLEAN -> in.skipBytes(1);
            case EMPTY -> {
            }
            default -> throw new IllegalStateException("stored field value of unknown kind " + kind);
        }
    }

    private static FieldValue readValue(ByteArrayDataInput in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case STRING -> new FieldValue.StringValue(in.readString());
            case DOUBLE -> new FieldValue.DoubleValue(Double.longBitsToDouble(in.readLong()));
            case BOOLEAN -> new FieldValue.BooleanValue(in.readByte() == 1);
            case USER_ARN -> new FieldValue.UserArnValue(in.readString());
            case EMPTY -> FieldValue.EMPTY;
            default -> throw new IllegalStateException("stored field value of unknown kind " + kind);
        };
    }
}
