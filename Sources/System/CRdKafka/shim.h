#ifndef CSLUICE_RDKAFKA_SHIM_H
#define CSLUICE_RDKAFKA_SHIM_H

#include <librdkafka/rdkafka.h>

#include <stddef.h>
#include <stdint.h>

// Swift cannot call `rd_kafka_producev` (C varargs built from the
// RD_KAFKA_V_* macros) nor import cast-expression macros such as
// RD_KAFKA_PARTITION_UA. This header gives them fixed shapes.

/// `RD_KAFKA_PARTITION_UA`: let the partitioner choose the partition.
static const int32_t CSLUICE_RD_KAFKA_PARTITION_UA = RD_KAFKA_PARTITION_UA;

/// Produces one message with `rd_kafka_producev`.
///
/// - `topic`: topic name (NUL-terminated).
/// - `partition`: a partition, or `CSLUICE_RD_KAFKA_PARTITION_UA`.
/// - `key`/`key_len`, `value`/`value_len`: may be NULL with length 0.
/// - `headers`: NULL, or a list from `rd_kafka_headers_new` whose ownership
///   passes to librdkafka when this returns `RD_KAFKA_RESP_ERR_NO_ERROR`; on
///   any error the caller still owns (and must destroy) it.
/// - `opaque`: returned in the delivery report as `rd_kafka_message_t._private`.
/// - `msgflags`: `RD_KAFKA_MSG_F_COPY`, `RD_KAFKA_MSG_F_BLOCK`, ...
///
/// Returns `RD_KAFKA_RESP_ERR_NO_ERROR` when the message was enqueued.
static inline rd_kafka_resp_err_t csluice_rd_kafka_producev(rd_kafka_t *rk,
                                                            const char *topic,
                                                            int32_t partition,
                                                            const void *key, size_t key_len,
                                                            const void *value, size_t value_len,
                                                            rd_kafka_headers_t *headers,
                                                            void *opaque,
                                                            int msgflags) {
    if (headers != NULL) {
        return rd_kafka_producev(rk,
                                 RD_KAFKA_V_TOPIC(topic),
                                 RD_KAFKA_V_PARTITION(partition),
                                 RD_KAFKA_V_KEY(key, key_len),
                                 RD_KAFKA_V_VALUE((void *)value, value_len),
                                 RD_KAFKA_V_HEADERS(headers),
                                 RD_KAFKA_V_OPAQUE(opaque),
                                 RD_KAFKA_V_MSGFLAGS(msgflags),
                                 RD_KAFKA_V_END);
    }
    return rd_kafka_producev(rk,
                             RD_KAFKA_V_TOPIC(topic),
                             RD_KAFKA_V_PARTITION(partition),
                             RD_KAFKA_V_KEY(key, key_len),
                             RD_KAFKA_V_VALUE((void *)value, value_len),
                             RD_KAFKA_V_OPAQUE(opaque),
                             RD_KAFKA_V_MSGFLAGS(msgflags),
                             RD_KAFKA_V_END);
}

#endif
