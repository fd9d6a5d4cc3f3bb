package com.vaticprop.core.events;

import com.vaticprop.platform.events.EventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;

import java.util.HashMap;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    /** A fast producer (acks=1, lz4, short linger), separate from the outbox relay's acks=all idempotent one. */
    @Bean(destroyMethod = "close")
    DirectPublisher directPublisher(ProducerFactory<?, ?> factory, EventCodec codec) {
        Map<String, Object> config = new HashMap<>(factory.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
        Object clientId = config.get(ProducerConfig.CLIENT_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, (clientId == null ? "core" : clientId) + "-direct");
        return new DirectPublisher(new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
                codec);
    }
}
