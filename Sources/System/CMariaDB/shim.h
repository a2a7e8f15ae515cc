#ifndef CSLUICE_MARIADB_SHIM_H
#define CSLUICE_MARIADB_SHIM_H

// MariaDB Connector/C. pkg-config's `libmariadb` puts /usr/include/mariadb on
// the include path.
#include <stddef.h>
#include <mysql.h>

#include <stdbool.h>

// Swift cannot call C varargs (`mysql_optionsv`, `mysql_get_optionv`) nor
// function-like alias macros (`mysql_library_init`). These fixed-arity helpers
// cover each argument shape the options take. All return 0 on success.

/// `mysql_library_init(0, NULL, NULL)`: call once before any thread uses the library.
static inline int csluice_mysql_library_init(void) {
    return mysql_library_init(0, NULL, NULL);
}

/// `mysql_library_end()`.
static inline void csluice_mysql_library_end(void) {
    mysql_library_end();
}

/// `mysql_optionsv` for options taking an `unsigned int *`
/// (e.g. `MYSQL_OPT_CONNECT_TIMEOUT`, `MYSQL_OPT_READ_TIMEOUT`, `MYSQL_OPT_PROTOCOL`).
static inline int csluice_mysql_optionsv_uint(MYSQL *mysql, enum mysql_option option, unsigned int value) {
    return mysql_optionsv(mysql, option, (void *)&value);
}

/// `mysql_optionsv` for options taking a `my_bool *`
/// (e.g. `MYSQL_OPT_RECONNECT`, `MYSQL_OPT_SSL_ENFORCE`, `MYSQL_OPT_SSL_VERIFY_SERVER_CERT`).
static inline int csluice_mysql_optionsv_bool(MYSQL *mysql, enum mysql_option option, bool value) {
    my_bool flag = value ? 1 : 0;
    return mysql_optionsv(mysql, option, (void *)&flag);
}

/// `mysql_optionsv` for options taking a `const char *`
/// (e.g. `MYSQL_SET_CHARSET_NAME`, `MYSQL_INIT_COMMAND`, `MYSQL_OPT_SSL_CA`).
static inline int csluice_mysql_optionsv_string(MYSQL *mysql, enum mysql_option option, const char *value) {
    return mysql_optionsv(mysql, option, (void *)value);
}

/// `mysql_optionsv` for options taking no argument or one opaque pointer
/// (e.g. `MYSQL_OPT_NONBLOCK` with NULL, `MYSQL_OPT_CONNECT_ATTR_RESET`).
static inline int csluice_mysql_optionsv_pointer(MYSQL *mysql, enum mysql_option option, const void *value) {
    return mysql_optionsv(mysql, option, value);
}

/// `mysql_optionsv` for options taking a key and a value
/// (`MYSQL_OPT_CONNECT_ATTR_ADD`).
static inline int csluice_mysql_optionsv_pair(MYSQL *mysql, enum mysql_option option,
                                              const char *key, const char *value) {
    return mysql_optionsv(mysql, option, (void *)key, (void *)value);
}

/// `mysql_get_optionv` for options reading into an `unsigned int`.
static inline int csluice_mysql_get_optionv_uint(MYSQL *mysql, enum mysql_option option, unsigned int *value) {
    return mysql_get_optionv(mysql, option, (void *)value);
}

/// `mysql_get_optionv` for options reading into a `my_bool`, widened to `bool`.
static inline int csluice_mysql_get_optionv_bool(MYSQL *mysql, enum mysql_option option, bool *value) {
    my_bool flag = 0;
    int result = mysql_get_optionv(mysql, option, (void *)&flag);
    *value = flag != 0;
    return result;
}

/// `mysql_get_optionv` for options reading a `const char *` owned by the handle.
static inline int csluice_mysql_get_optionv_string(MYSQL *mysql, enum mysql_option option, const char **value) {
    return mysql_get_optionv(mysql, option, (void *)value);
}

#endif
