package io.vigie.platform.kafka.batch;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/** {@link PollTransactions} for a service whose batch listeners write to its database. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnClass(PlatformTransactionManager.class)
@ConditionalOnBean(PlatformTransactionManager.class)
public class PollTransactionsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PollTransactions pollTransactions(PlatformTransactionManager transactionManager) {
        return new PollTransactions(transactionManager);
    }
}
