package org.nicrig.host.compare;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.nicrig.host.plan.Plan;
import org.nicrig.host.plan.Step;
import org.nicrig.host.rig.Rig;
import org.nicrig.host.rig.RigSa;
import org.nicrig.protocol.message.Cipher;
import org.nicrig.protocol.message.Integrity;

/**
 * Which cipher suite each plan step works with, by plan and step name: the suite of the rig SA the
 * step names ({@code sa:}). A traffic step with an outbound and an inbound SA of different suites
 * gets both, joined by " / ". Steps without an SA (faults, waits, expects) are not in the map.
 */
public record SuiteMap(Map<String, Map<String, String>> byPlan) {
    public SuiteMap {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byPlan.forEach((plan, steps) -> copy.put(plan, Map.copyOf(steps)));
        byPlan = java.util.Collections.unmodifiableMap(copy);
    }

    public Optional<String> suite(String plan, String step) {
        return Optional.ofNullable(byPlan.getOrDefault(plan, Map.of()).get(step));
    }

    /** The suite of each step of {@code plan} that names an SA of {@code rig}. */
    public static Map<String, String> forPlan(Plan plan, Rig rig) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Step s : plan.allSteps()) {
            TreeSet<String> suites = new TreeSet<>();
            if (s instanceof Step.Traffic t) {
                t.outboundSa().flatMap(rig::sa).ifPresent(sa -> suites.add(label(sa)));
                t.inboundSa().flatMap(rig::sa).ifPresent(sa -> suites.add(label(sa)));
            } else if (s instanceof Step.Secondary j) {
                rig.sa(j.sa()).ifPresent(sa -> suites.add(label(sa)));
            } else if (s instanceof Step.Probe p) {
                rig.sa(p.sa()).ifPresent(sa -> suites.add(label(sa)));
            }
            if (!suites.isEmpty()) {
                out.put(s.name(), String.join(" / ", suites));
            }
        }
        return out;
    }

    static String label(RigSa sa) {
        return label(sa.cipher(), sa.integrity());
    }

    /** As the rig files spell them: {@code aes-128-cbc + hmac-sha2-256-128}, or {@code aes-128-gcm-16} for an AEAD. */
    public static String label(Cipher cipher, Integrity integrity) {
        String c = words(cipher.name());
        return integrity == Integrity.NONE ? c : c + " + " + words(integrity.name());
    }

    private static String words(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
