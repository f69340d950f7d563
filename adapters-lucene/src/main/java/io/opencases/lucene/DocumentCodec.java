package io.opencases.lucene;

import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.CaseDocument;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        return decode(bytes, Selection.ALL);
    }

    /** Decodes {@code bytes} keeping only the values in {@code wanted} (all when null). */
    static CaseDocument decode(BytesRef bytes, Set<String> wanted) {
        return decode(bytes, Selection.of(wanted));
    }

    /**
     * The values a page asks for, as the UTF-8 bytes the document holds their ids in: a hit's unwanted values are
     * recognised and skipped by comparing bytes, without making a String of each id (which was most of the cost of
     * decoding a hit: a case holds a dozen or more values and a page asks for one or two). Made once per page.
     */
    static final class Selection {
        static final Selection ALL = new Selection(null);

        private final String[] ids;
        private final byte[][] utf8;

        private Selection(Set<String> wanted) {
            if (wanted == null) {
                ids = null;
                utf8 = null;
            } else {
                ids = wanted.toArray(new String[0]);
                utf8 = new byte[ids.length][];
                for (int i = 0; i < ids.length; i++) {
                    utf8[i] = ids[i].getBytes(StandardCharsets.UTF_8);
                }
            }
        }

        static Selection of(Set<String> wanted) {
            return wanted == null ? ALL : new Selection(wanted);
        }

        /** The wanted id spelled by {@code length} bytes at {@code offset}, or null when it is not wanted. */
        private String find(byte[] bytes, int offset, int length) {
            for (int i = 0; i < ids.length; i++) {
                byte[] id = utf8[i];
                if (id.length == length && Arrays.equals(id, 0, length, bytes, offset, offset + length)) {
                    return ids[i];
                }
            }
            return null;
        }
    }

    /**
     * The document with only the values {@code wanted} selects: the others are skipped over without being decoded,
     * which is most of a search hit's cost when a page asks for a few fields.
     */
    static CaseDocument decode(BytesRef bytes, Selection wanted) {
        try {
            return read(new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length), bytes.bytes, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CaseDocument read(ByteArrayDataInput in, byte[] bytes, Selection wanted) throws IOException {
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("stored case document of unknown version " + version);
        }
        String domainId = readString(in, bytes);
        String caseId = readString(in, bytes);
        String templateId = readString(in, bytes);
        int valueCount = in.readVInt();
        Map<String, FieldValue> values = wanted.ids == null ? readAll(in, bytes, valueCount)
                : readSelected(in, bytes, valueCount, wanted);
        int tagCount = in.readVInt();
        Map<String, String> tags = tagCount == 0 ? Map.of() : new HashMap<>(tagCount * 2);
        for (int i = 0; i < tagCount; i++) {
            tags.put(readString(in, bytes), readString(in, bytes));
        }
        return new CaseDocument(domainId, caseId, templateId, values, tags);
    }

    private static Map<String, FieldValue> readAll(ByteArrayDataInput in, byte[] bytes, int count)
            throws IOException {
        var values = new HashMap<String, FieldValue>(count * 2);
        for (int i = 0; i < count; i++) {
            String id = readString(in, bytes);
            values.put(id, readValue(in, bytes));
        }
        return values;
    }

    /**
     * The wanted values among {@code count}; one or two (a page's usual request) come back as an immutable map
     * directly, which CaseDocument then keeps instead of copying.
     */
    private static Map<String, FieldValue> readSelected(ByteArrayDataInput in, byte[] bytes, int count,
                                                        Selection wanted) throws IOException {
        String[] ids = new String[wanted.ids.length];
        FieldValue[] found = new FieldValue[wanted.ids.length];
        int n = 0;
        for (int i = 0; i < count; i++) {
            int length = in.readVInt();
            int offset = in.getPosition();
            String id = wanted.find(bytes, offset, length);
            in.setPosition(offset + length);
            if (id != null && n < ids.length) {
                ids[n] = id;
                found[n++] = readValue(in, bytes);
            } else {
                skipValue(in);
            }
        }
        return switch (n) {
            case 0 -> Map.of();
            case 1 -> Map.of(ids[0], found[0]);
            case 2 -> Map.of(ids[0], found[0], ids[1], found[1]);
            default -> {
                var values = new HashMap<String, FieldValue>(n * 2);
                for (int i = 0; i < n; i++) {
                    values.put(ids[i], found[i]);
                }
                yield values;
            }
        };
    }

    /** A vInt length and UTF-8 (as DataOutput.writeString wrote it), decoded in place without an extra copy. */
    private static String readString(ByteArrayDataInput in, byte[] bytes) throws IOException {
        int length = in.readVInt();
        int offset = in.getPosition();
        in.setPosition(offset + length);
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
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

    private static FieldValue readValue(ByteArrayDataInput in, byte[] bytes) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case STRING -> new FieldValue.StringValue(readString(in, bytes));
            case DOUBLE -> new FieldValue.DoubleValue(Double.longBitsToDouble(in.readLong()));
            case BOOLEAN -> new FieldValue.BooleanValue(in.readByte() == 1);
            case USER_ARN -> new FieldValue.UserArnValue(readString(in, bytes));
            case EMPTY -> FieldValue.EMPTY;
            default -> throw new IllegalStateException("stored field value of unknown kind " + kind);
        };
    }
}
