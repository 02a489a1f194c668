package io.vigie.platform.kafka.batch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollTransactionsTest {

    private final DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final PollTransactions polls = new PollTransactions(new DataSourceTransactionManager(database));
    private final List<String> transactions = new ArrayList<>();

    PollTransactionsTest() {
        jdbc.execute("CREATE TABLE handled (name VARCHAR(20) PRIMARY KEY)");
    }

    @Test
    void shouldHandleAPollInOneTransactionEachRecordSeeingTheOnesBefore() {
        polls.handle(records("a", "b", "c"), value -> {
            record(value);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM handled", Integer.class))
                    .isEqualTo(value.charAt(0) - 'a' + 1);
        });

        assertThat(handled()).containsExactly("a", "b", "c");
        assertThat(transactions).hasSize(3).containsOnly(transactions.get(0));
    }

    @Test
    void shouldKeepTheRecordsBeforeAFailingOneAndReportItAlone() {
        List<ConsumerRecord<String, String>> poll = records("a", "b", "fails", "d");

        assertThatThrownBy(() -> polls.handle(poll, failingOn("fails")))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failure -> {
                    assertThat(failure.getRecord()).isSameAs(poll.get(2));
                    assertThat(failure).hasRootCauseMessage("cannot store fails");
                });

        // the poll's transaction was rolled back, then a and b handled again one transaction each; d comes again later
        assertThat(handled()).containsExactly("a", "b");
        assertThat(transactions).hasSize(6);
    }

    @Test
    void shouldHandleTheRecordsBeforeAnUnreadableOneAndReportIt() {
        List<ConsumerRecord<String, String>> poll = records("a", "b", null, "d");
        SerializationUtils.deserializationException(poll.get(2).headers(), new byte[] {1},
                new IllegalStateException("not Avro"), false);

        assertThatThrownBy(() -> polls.handle(poll, this::record))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failure -> {
                    assertThat(failure.getRecord()).isSameAs(poll.get(2));
                    assertThat(failure).hasCauseInstanceOf(DeserializationException.class);
                });

        assertThat(handled()).containsExactly("a", "b");
    }

    @Test
    void shouldHandAPollToASetHandlerAtOnceAndNarrowAFailureDownToItsRecord() {
        List<List<String>> handedOver = new ArrayList<>();
        polls.handleTogether(records("a", "b"), values -> {
            handedOver.add(values);
            values.forEach(this::record);
        });
        assertThat(handedOver).containsExactly(List.of("a", "b"));

        List<ConsumerRecord<String, String>> poll = records("c", "d", "fails", "f");
        handedOver.clear();
        assertThatThrownBy(() -> polls.handleTogether(poll, values -> {
            handedOver.add(values);
            values.forEach(failingOn("fails"));
        })).isInstanceOfSatisfying(BatchListenerFailedException.class,
                failure -> assertThat(failure.getRecord()).isSameAs(poll.get(2)));

        assertThat(handedOver).containsExactly(List.of("c", "d", "fails", "f"), List.of("c"), List.of("d"),
                List.of("fails"));
        assertThat(handled()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void shouldReportTheFirstRecordWhenNoTransactionCanBegin() {
        List<ConsumerRecord<String, String>> poll = records("a", "b");
        PollTransactions unreachable = new PollTransactions(new DataSourceTransactionManager(
                new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "x", "y")));

        assertThatThrownBy(() -> unreachable.handle(poll, this::record))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failure -> {
                    assertThat(failure.getRecord()).isSameAs(poll.get(0));
                    assertThat(failure).hasCauseInstanceOf(CannotCreateTransactionException.class);
                });
    }

    private void record(String value) {
        transactions.add(TransactionSynchronizationManager.getCurrentTransactionName() + "@"
                + System.identityHashCode(TransactionSynchronizationManager.getResourceMap().get(database)));
        jdbc.update("INSERT INTO handled (name) VALUES (?)", value);
    }

    private Consumer<String> failingOn(String culprit) {
        return value -> {
            if (value.equals(culprit)) {
                transactions.add("failed");
                throw new IllegalStateException("cannot store " + value);
            }
            record(value);
        };
    }

    private List<String> handled() {
        return jdbc.queryForList("SELECT name FROM handled ORDER BY name", String.class);
    }

    private static List<ConsumerRecord<String, String>> records(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>("vigie.test", 0, i, "key", values[i]));
        }
        return records;
    }
}
