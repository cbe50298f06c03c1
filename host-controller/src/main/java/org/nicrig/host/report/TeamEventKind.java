package org.nicrig.host.report;

/**
 * Things the team reports about itself during a run, as the journal and the timeline name them.
 * The {@code detail} text of a {@link JournalEvent.TeamEventRecorded} carries the new state where
 * there is one: "up"/"down" for {@link #LINK_CHANGED}, "primary"/"standby"/"active" for
 * {@link #ROLE_CHANGED}.
 */
public enum TeamEventKind {
    /** Traffic moved to a new primary (AFT); {@code member} is the new primary, the gap is the outage. */
    FAILED_OVER,
    /** A member passed admission (patent op. 300), e.g. a replacement after a hot-swap. */
    MEMBER_ADMITTED,
    /** A member was refused admission (op. 300) or its engine was not trusted (op. 302). */
    MEMBER_REFUSED,
    /** A member's link went up or down; detail "up" or "down". */
    LINK_CHANGED,
    /** A member's role changed; detail "primary", "standby" or "active" (ALB). */
    ROLE_CHANGED,
    /** A job was sent again to another member after its member failed or timed out (invariant 2). */
    JOB_REDISPATCHED,
    /** An answer arrived from a member after its job had been re-dispatched, and was dropped (invariant 2). */
    LATE_ANSWER_DROPPED,
    /** A member was replaced by another while the team ran. */
    HOT_SWAPPED,
    /** A member's session ended: unplugged, or no longer answering. */
    MEMBER_GONE,
    /** A member's IPsec engine stopped serving jobs; its link may still be up. */
    ENGINE_FAILED,
    /** A member's IPsec engine serves again. */
    ENGINE_RESTORED
}
