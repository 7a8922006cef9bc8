#ifndef ZN_SYSTEM_H
#define ZN_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0, or -1
/// with errno set (EINVAL or ENOSYS where the file system or kernel cannot do it).
int zn_exchange_paths(const char *a, const char *b);

#endif
