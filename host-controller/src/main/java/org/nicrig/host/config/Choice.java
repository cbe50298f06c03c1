package org.nicrig.host.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The spellings a file may use for the values of one enumeration, and the canonical one of each
 * for messages and suggestions. The published JSON Schemas list exactly {@link #spellings()}, so
 * a test can check that the schema and the loader accept the same words.
 */
public final class Choice<E> {
    private final String what;
    private final Map<String, E> bySpelling;
    private final List<String> canonical;

    private Choice(String what, Map<String, E> bySpelling, List<String> canonical) {
        this.what = what;
        this.bySpelling = Collections.unmodifiableMap(bySpelling);
        this.canonical = List.copyOf(canonical);
    }

    /** Exactly the Java constant names: {@code LINK_DOWN}, as FaultKind says them. */
    public static <E extends Enum<E>> Choice<E> exactNames(String what, Class<E> type) {
        return of(what, type, e -> List.of(e.name()));
    }

    /** Lower case with dashes only: {@code direct-mac} for DIRECT_MAC. */
    public static <E extends Enum<E>> Choice<E> lowerDashed(String what, Class<E> type) {
        return of(what, type, e -> List.of(lowerDashed(e.name())));
    }

    /** The constant name or its lower-case dashed form: {@code AES_128_CBC} or {@code aes-128-cbc}. */
    public static <E extends Enum<E>> Choice<E> namesOrLowerDashed(String what, Class<E> type) {
        return of(what, type, e -> List.of(e.name(), lowerDashed(e.name())));
    }

    /** Any spellings: {@code spellings} maps each constant to its accepted words, canonical first. */
    public static <E extends Enum<E>> Choice<E> of(String what, Class<E> type, Function<E, List<String>> spellings) {
        Map<String, E> by = new LinkedHashMap<>();
        List<String> canonical = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            List<String> words = spellings.apply(e);
            canonical.add(words.get(0));
            for (String w : words) {
                if (by.put(w, e) != null) {
                    throw new IllegalArgumentException(what + ": spelling '" + w + "' used twice");
                }
            }
        }
        return new Choice<>(what, by, canonical);
    }

    public static String lowerDashed(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value spelt {@code text}, or null. */
    public E lookup(String text) {
        return bySpelling.get(text);
    }

    /**
     * E.g. {@code unknown fault 'LINK_DWN' (did you mean LINK_DOWN?)}. The suggestion is spelt as
     * the user spells: {@code aes-128-cbcc} suggests {@code aes-128-cbc}, not {@code AES_128_CBC}.
     */
    public String unknown(String text) {
        String near = DidYouMean.nearest(text, bySpelling.keySet());
        if (near == null) {
            return "unknown " + what + " '" + text + "' (expected one of " + String.join(", ", canonical) + ")";
        }
        boolean lower = text.equals(text.toLowerCase(Locale.ROOT));
        E value = bySpelling.get(near);
        String styled = bySpelling.entrySet().stream()
                .filter(e -> e.getValue().equals(value) && e.getKey().equals(e.getKey().toLowerCase(Locale.ROOT)) == lower)
                .map(Map.Entry::getKey).findFirst().orElse(near);
        return "unknown " + what + " '" + text + "' (did you mean " + styled + "?)";
    }

    /** Every accepted spelling, canonical ones first within each constant. */
    public List<String> spellings() {
        return List.copyOf(bySpelling.keySet());
    }

    public List<String> canonical() {
        return canonical;
    }

    /** How the file spells {@code value}. */
    public String spell(E value) {
        for (Map.Entry<String, E> e : bySpelling.entrySet()) {
            if (e.getValue().equals(value)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("not a " + what + ": " + value);
    }
}
