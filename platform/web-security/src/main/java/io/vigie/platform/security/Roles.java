package io.vigie.platform.security;

/**
 * Vigie's roles, the same in every service. Use them in {@code @PreAuthorize("hasRole('" + Roles.ANALYST + "')")}
 * or {@code hasAnyRole(...)}. A JWT carries them in its {@code roles} claim; a configured user lists them.
 */
public final class Roles {

    /** Reads everything, changes nothing. */
    public static final String VIEWER = "VIEWER";
    /** Acts on incidents: notes, actions, assignment, severity, resolution. */
    public static final String ANALYST = "ANALYST";
    /** Writes to clients: posts client updates, edits templates and the client directory. */
    public static final String COMMUNICATIONS = "COMMUNICATIONS";
    /** Everything, including configuration (policies, inventory) and approving post-mortems. */
    public static final String MANAGER = "MANAGER";

    private Roles() {
    }
}
