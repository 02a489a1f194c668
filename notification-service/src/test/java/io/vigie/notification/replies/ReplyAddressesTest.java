package io.vigie.notification.replies;

import io.vigie.notification.ack.LinkProperties;
import io.vigie.notification.replies.internal.ReplyKeys;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reply-To keys, stored and resolved on H2 in PostgreSQL mode (the local stack's database, and V8 on it). */
class ReplyAddressesTest {

    private static final LinkProperties LINKS = new LinkProperties("http://vigie.test",
            "a-links-secret-of-at-least-32-characters", Duration.ofDays(7));

    private final JdbcTemplate jdbc = h2();
    private final ReplyAddresses addresses = new ReplyAddresses(new RepliesProperties("Replies@SOC.example", null),
            LINKS, new ReplyKeys(jdbc), Clock.systemUTC());

    @Test
    void shouldGiveEachIncidentClientAndContactItsOwnLowercaseKeyWithinTheLocalPartLimit() {
        UUID incident = UUID.randomUUID();

        String address = addresses.addressFor(incident, "acme", "alice").orElseThrow();

        assertThat(address).matches("replies\\+[a-z2-7]{26}@soc\\.example");
        assertThat(address.substring(0, address.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
        assertThat(addresses.addressFor(incident, "acme", "alice")).hasValue(address);
        assertThat(addresses.addressFor(incident, "acme", "bob")).get().isNotEqualTo(address);
        assertThat(addresses.addressFor(incident, "globex", "alice")).get().isNotEqualTo(address);
        assertThat(addresses.addressFor(UUID.randomUUID(), "acme", "alice")).get().isNotEqualTo(address);
    }

    @Test
    void shouldResolveAKeyItHandedOutWhateverTheCaseAndNoOther() {
        UUID incident = UUID.randomUUID();
        String address = addresses.addressFor(incident, "acme", "alice").orElseThrow();
        String key = address.substring("replies+".length(), address.indexOf('@'));
        String tampered = (key.charAt(0) == 'a' ? "b" : "a") + key.substring(1);

        assertThat(addresses.resolve(key.toUpperCase()))
                .hasValue(new ReplyAddresses.Target(incident, "acme", "alice"));
        assertThat(addresses.resolve(tampered)).isEmpty();
        // made with another secret (another installation): unknown here
        ReplyAddresses other = new ReplyAddresses(new RepliesProperties("replies@soc.example", null),
                new LinkProperties("http://vigie.test", "another-secret-of-at-least-32-characters!", Duration.ZERO),
                new ReplyKeys(h2()), Clock.systemUTC());
        assertThat(addresses.resolve(other.key(incident, "acme", "alice"))).isEmpty();
    }

    @Test
    void shouldGiveNoReplyToWithoutAnAddressAndRefuseOneThatCannotHoldTheKey() {
        ReplyAddresses none = new ReplyAddresses(new RepliesProperties(" ", null), LINKS, new ReplyKeys(jdbc), Clock.systemUTC());

        assertThat(none.addressFor(UUID.randomUUID(), "acme", "alice")).isEmpty();
        assertThatThrownBy(() -> new ReplyAddresses(new RepliesProperties("a-very-long-mailbox-name-for-replies-x@soc"
                + ".example", null), LINKS, new ReplyKeys(jdbc), Clock.systemUTC())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ReplyAddresses(new RepliesProperties("replies+x@soc.example", null), LINKS,
                new ReplyKeys(jdbc), Clock.systemUTC())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldEncodeBase32AsRfc4648InLowercase() {
        assertThat(ReplyAddresses.base32("foobar".getBytes())).isEqualTo("mzxw6ytboi");
        assertThat(ReplyAddresses.base32(new byte[16])).hasSize(ReplyAddresses.KEY_LENGTH);
    }

    static JdbcTemplate h2() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2)
                .locations("classpath:db/migration/platform", "classpath:db/migration/notification").load().migrate();
        return new JdbcTemplate(h2);
    }
}
