package io.vigie.test;

/** The users of the integration tests, one per role, each with the password {@code <name>-pw}. */
public final class TestUsers {

    public static final String VIEWER = "viewer";
    public static final String ANALYST = "analyst";
    public static final String COMMS = "comms";
    public static final String MANAGER = "manager";

    /** For {@code @VigieServiceTest(properties = ...)}: the four users above in {@code vigie.security.users}. */
    public static final String ONE_PER_ROLE = """
            vigie.security.users[0].name=viewer
            vigie.security.users[0].password={noop}viewer-pw
            vigie.security.users[0].roles=VIEWER
            vigie.security.users[1].name=analyst
            vigie.security.users[1].password={noop}analyst-pw
            vigie.security.users[1].roles=ANALYST
            vigie.security.users[2].name=comms
            vigie.security.users[2].password={noop}comms-pw
            vigie.security.users[2].roles=COMMUNICATIONS
            vigie.security.users[3].name=manager
            vigie.security.users[3].password={noop}manager-pw
            vigie.security.users[3].roles=MANAGER
            """;

    private TestUsers() {
    }

    public static String password(String user) {
        return user + "-pw";
    }
}
