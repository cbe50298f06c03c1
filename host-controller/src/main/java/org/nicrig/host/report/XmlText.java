package org.nicrig.host.report;

/**
 * Keeps text inside what XML 1.0 allows (§2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] |
 * [#xE000-#xFFFD] | [#x10000-#x10FFFF]). A control byte from a device message would otherwise make
 * the whole report unparsable — escaping cannot help, {@code &#1;} is not allowed either.
 */
final class XmlText {
    private XmlText() {
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                if (ok) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('\uFFFD');
                }
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }
}
