#ifndef CSLUICE_OPENSSL_SHIM_H
#define CSLUICE_OPENSSL_SHIM_H

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <stdint.h>
#include <string.h>

// OpenSSL spells much of its configuration API as function-like macros over
// SSL_ctrl / SSL_CTX_ctrl, and its option bits as shift expressions. Swift can
// import neither, so this header re-exposes the ones an HTTP/2 TLS server and
// client need as `csluice_`-prefixed inline functions and constants.

// MARK: Option bits (SSL_OP_* are `SSL_OP_BIT(n)` expressions)

/// `SSL_OP_ALL`: the bug workarounds OpenSSL recommends enabling.
static const uint64_t CSLUICE_SSL_OP_ALL = SSL_OP_ALL;
/// `SSL_OP_NO_COMPRESSION`: HTTP/2 forbids TLS compression (RFC 9113 §9.2.1).
static const uint64_t CSLUICE_SSL_OP_NO_COMPRESSION = SSL_OP_NO_COMPRESSION;
/// `SSL_OP_NO_RENEGOTIATION`: HTTP/2 forbids renegotiation (RFC 9113 §9.2.1).
static const uint64_t CSLUICE_SSL_OP_NO_RENEGOTIATION = SSL_OP_NO_RENEGOTIATION;
/// `SSL_OP_CIPHER_SERVER_PREFERENCE`: the server's cipher order wins.
static const uint64_t CSLUICE_SSL_OP_CIPHER_SERVER_PREFERENCE = SSL_OP_CIPHER_SERVER_PREFERENCE;
/// `SSL_OP_IGNORE_UNEXPECTED_EOF`: treat a peer closing without close_notify as EOF.
static const uint64_t CSLUICE_SSL_OP_IGNORE_UNEXPECTED_EOF = SSL_OP_IGNORE_UNEXPECTED_EOF;
/// `SSL_OP_NO_TICKET`: disable stateless session tickets.
static const uint64_t CSLUICE_SSL_OP_NO_TICKET = SSL_OP_NO_TICKET;

// MARK: Context configuration (SSL_CTX_ctrl macros)

/// `SSL_CTX_set_min_proto_version`: 1 on success.
static inline int csluice_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

/// `SSL_CTX_set_max_proto_version`: 1 on success; 0 means "highest supported".
static inline int csluice_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

/// `SSL_CTX_get_min_proto_version`.
static inline int csluice_SSL_CTX_get_min_proto_version(SSL_CTX *ctx) {
    return (int)SSL_CTX_get_min_proto_version(ctx);
}

/// `SSL_CTX_get_max_proto_version`.
static inline int csluice_SSL_CTX_get_max_proto_version(SSL_CTX *ctx) {
    return (int)SSL_CTX_get_max_proto_version(ctx);
}

/// `SSL_CTX_set_mode` (adds `SSL_MODE_*` bits); returns the new mode.
static inline long csluice_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

/// `SSL_CTX_set_session_cache_mode`; returns the previous mode.
static inline long csluice_SSL_CTX_set_session_cache_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_session_cache_mode(ctx, mode);
}

/// `SSL_CTX_set1_groups_list` (key-exchange groups, e.g. "X25519:P-256"): 1 on success.
static inline int csluice_SSL_CTX_set1_groups_list(SSL_CTX *ctx, const char *groups) {
    return (int)SSL_CTX_set1_groups_list(ctx, groups);
}

/// `SSL_CTX_add_extra_chain_cert`: the context takes ownership of `x509` on success (1).
static inline int csluice_SSL_CTX_add_extra_chain_cert(SSL_CTX *ctx, X509 *x509) {
    return (int)SSL_CTX_add_extra_chain_cert(ctx, x509);
}

/// The SNI callback type: `(ssl, alert, arg) -> SSL_TLSEXT_ERR_*`.
typedef int (*csluice_servername_callback)(SSL *ssl, int *alert, void *arg);

/// `SSL_CTX_set_tlsext_servername_callback`: 1 on success.
static inline int csluice_SSL_CTX_set_tlsext_servername_callback(SSL_CTX *ctx,
                                                                  csluice_servername_callback callback) {
    return (int)SSL_CTX_set_tlsext_servername_callback(ctx, callback);
}

/// `SSL_CTX_set_tlsext_servername_arg`: 1 on success.
static inline int csluice_SSL_CTX_set_tlsext_servername_arg(SSL_CTX *ctx, void *arg) {
    return (int)SSL_CTX_set_tlsext_servername_arg(ctx, arg);
}

// MARK: Per-connection (SSL_ctrl macros)

/// `SSL_set_mode` (adds `SSL_MODE_*` bits); returns the new mode.
static inline long csluice_SSL_set_mode(SSL *ssl, long mode) {
    return SSL_set_mode(ssl, mode);
}

/// `SSL_set_tlsext_host_name` (client SNI): 1 on success.
static inline int csluice_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

/// `SSL_set_app_data`: stores the owner pointer callbacks recover (ex-data slot 0).
static inline int csluice_SSL_set_app_data(SSL *ssl, void *data) {
    return SSL_set_app_data(ssl, data);
}

/// `SSL_get_app_data`.
static inline void *csluice_SSL_get_app_data(const SSL *ssl) {
    return SSL_get_app_data(ssl);
}

// MARK: Memory BIOs and allocation

/// `BIO_get_mem_data`: points `*data` at the BIO's buffer; returns its length.
static inline long csluice_BIO_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

/// `BIO_pending`: bytes waiting to be read from the BIO.
static inline int csluice_BIO_pending(BIO *bio) {
    return BIO_pending(bio);
}

/// `OPENSSL_free`: frees memory OpenSSL allocated for the caller.
static inline void csluice_OPENSSL_free(void *pointer) {
    OPENSSL_free(pointer);
}

// MARK: Certificate names (XN_FLAG_* are compound macro expressions)

/// `XN_FLAG_RFC2253`: `X509_NAME_print_ex` prints a name as RFC 2253 does
/// (`CN=host,O=Org,C=US`: most specific first, comma separated, escaped).
static const unsigned long CSLUICE_XN_FLAG_RFC2253 = XN_FLAG_RFC2253;

// MARK: ALPN

/// Wire-format ALPN list `h2`, `http/1.1`, in server preference order.
static const unsigned char csluice_alpn_h2_http11[] = {
    2, 'h', '2',
    8, 'h', 't', 't', 'p', '/', '1', '.', '1',
};

/// Wire-format ALPN list with only `h2`.
static const unsigned char csluice_alpn_h2_only[] = {2, 'h', '2'};

/// Server ALPN selection over a wire-format preference list.
///
/// Picks the first protocol of `server` (in server order) that the client also
/// offers and points `*out` at it inside the client's list. Returns
/// `SSL_TLSEXT_ERR_OK` on a match and `SSL_TLSEXT_ERR_NOACK` otherwise, so the
/// handshake continues without ALPN and the server decides (HTTP/1.1 or h2 prior
/// knowledge).
static inline int csluice_alpn_select(const unsigned char *server, unsigned int server_len,
                                      const unsigned char **out, unsigned char *out_len,
                                      const unsigned char *in, unsigned int in_len) {
    unsigned int i = 0;
    while (i < server_len) {
        unsigned int candidate_len = server[i];
        const unsigned char *candidate = server + i + 1;
        if (candidate_len == 0 || i + 1 + candidate_len > server_len) {
            return SSL_TLSEXT_ERR_NOACK;
        }
        unsigned int j = 0;
        while (j < in_len) {
            unsigned int offered_len = in[j];
            if (j + 1 + offered_len > in_len) {
                return SSL_TLSEXT_ERR_NOACK;
            }
            if (offered_len == candidate_len && memcmp(in + j + 1, candidate, candidate_len) == 0) {
                *out = in + j + 1;
                *out_len = (unsigned char)offered_len;
                return SSL_TLSEXT_ERR_OK;
            }
            j += 1 + offered_len;
        }
        i += 1 + candidate_len;
    }
    return SSL_TLSEXT_ERR_NOACK;
}

/// ALPN select callback preferring `h2`, then `http/1.1`.
static inline int csluice_alpn_select_h2_http11(SSL *ssl, const unsigned char **out,
                                                unsigned char *out_len, const unsigned char *in,
                                                unsigned int in_len, void *arg) {
    (void)ssl;
    (void)arg;
    return csluice_alpn_select(csluice_alpn_h2_http11, sizeof(csluice_alpn_h2_http11),
                               out, out_len, in, in_len);
}

/// ALPN select callback accepting only `h2`.
static inline int csluice_alpn_select_h2_only(SSL *ssl, const unsigned char **out,
                                              unsigned char *out_len, const unsigned char *in,
                                              unsigned int in_len, void *arg) {
    (void)ssl;
    (void)arg;
    return csluice_alpn_select(csluice_alpn_h2_only, sizeof(csluice_alpn_h2_only),
                               out, out_len, in, in_len);
}

/// Installs server-side ALPN: `h2` first, plus `http/1.1` when `allow_http11` is non-zero.
static inline void csluice_SSL_CTX_set_alpn_h2(SSL_CTX *ctx, int allow_http11) {
    SSL_CTX_set_alpn_select_cb(ctx,
                               allow_http11 ? csluice_alpn_select_h2_http11 : csluice_alpn_select_h2_only,
                               NULL);
}

/// Client-side ALPN offer of `h2` (and `http/1.1` when `allow_http11` is non-zero).
/// Returns 1 on success (unlike `SSL_CTX_set_alpn_protos`, which returns 0).
static inline int csluice_SSL_CTX_offer_alpn_h2(SSL_CTX *ctx, int allow_http11) {
    int failed = allow_http11
        ? SSL_CTX_set_alpn_protos(ctx, csluice_alpn_h2_http11, sizeof(csluice_alpn_h2_http11))
        : SSL_CTX_set_alpn_protos(ctx, csluice_alpn_h2_only, sizeof(csluice_alpn_h2_only));
    return failed == 0 ? 1 : 0;
}

#endif
