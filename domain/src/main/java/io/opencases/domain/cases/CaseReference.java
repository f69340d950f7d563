package io.opencases.domain.cases;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A case's reference ID: its case ID written in Crockford's base32 (upper case, no I, L, O or U), so it is derived,
 * never stored apart from the case, and maps back to exactly one case ID. Two cases can therefore never share a
 * reference ID, whatever the letter case it is given in, and no lookup table or uniqueness check is needed on the
 * write path. A UUID case ID (every case the server creates) gives 26 characters; any other case ID of at most
 * 30 UTF-8 bytes gives "Z" and its bytes (the UUID form never starts with Z); longer ones have none.
 */
public final class CaseReference {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int UUID_LENGTH = 26;
    private static final char OTHER = 'Z';
    private static final int MAX_OTHER_BYTES = 30;

    private CaseReference() {
    }

    /** The reference ID of a case ID, if it has one. */
    public static Optional<String> of(String caseId) {
        if (UUID_TEXT.matcher(caseId).matches()) {
            UUID uuid = UUID.fromString(caseId);
            byte[] bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (uuid.getMostSignificantBits() >>> (56 - 8 * i));
                bytes[8 + i] = (byte) (uuid.getLeastSignificantBits() >>> (56 - 8 * i));
            }
            // 128 bits in 26 digits: the top two of 130 bits are zero, so the first digit is 0-7.
            return Optional.of(encode(bytes, UUID_LENGTH));
        }
        byte[] bytes = caseId.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_OTHER_BYTES) {
            return Optional.empty();
        }
        return Optional.of(OTHER + encode(bytes, (bytes.length * 8 + 4) / 5));
    }

    /** The case ID a reference ID stands for, ignoring letter case; empty for text that is no reference ID. */
    public static Optional<String> caseIdOf(String referenceId) {
        String text = referenceId.toUpperCase(Locale.ROOT);
        String caseId;
        if (text.length() == UUID_LENGTH && text.charAt(0) != OTHER) {
            byte[] bytes = decode(text, 16);
            if (bytes == null) {
                return Optional.empty();
            }
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
                high = (high << 8) | (bytes[i] & 0xFF);
                low = (low << 8) | (bytes[8 + i] & 0xFF);
            }
            caseId = new UUID(high, low).toString();
        } else if (text.length() > 1 && text.charAt(0) == OTHER) {
            byte[] bytes = decode(text.substring(1), (text.length() - 1) * 5 / 8);
            if (bytes == null) {
                return Optional.empty();
            }
            caseId = new String(bytes, StandardCharsets.UTF_8);
        } else {
            return Optional.empty();
        }
        // Only the canonical spelling of a case ID's reference maps back to it.
        return of(caseId).filter(text::equals).map(r -> caseId);
    }

    /** The bytes as {@code digits} base32 digits, most significant first, zero bits padding the front. */
    private static String encode(byte[] bytes, int digits) {
        var big = new java.math.BigInteger(1, bytes);
        var out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt(big.intValue() & 31);
            big = big.shiftRight(5);
        }
        return new String(out);
    }

    private static byte[] decode(String digits, int length) {
        var big = java.math.BigInteger.ZERO;
        for (int i = 0; i < digits.length(); i++) {
            int value = ALPHABET.indexOf(digits.charAt(i));
            if (value < 0) {
                return null;
            }
            big = big.shiftLeft(5).or(java.math.BigInteger.valueOf(value));
        }
        if (length <= 0 || big.bitLength() > length * 8) {
            return null;
        }
        byte[] raw = big.toByteArray();
        byte[] bytes = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
        return bytes;
    }
}
