package org.nicrig.host.plan;

import java.util.Objects;

/** A device a hot-swap step adds to the team: a name for plans and reports, and its transport URI. */
public record NewMember(String name, String transport) {
    public NewMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transport, "transport");
    }
}
