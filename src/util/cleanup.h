/*
 * cleanup: files a signal must not leave behind.
 *
 * A run creates temporary files (an output's hidden ".NAME.tmp-XXXXXX", a
 * cache's own) that a normal ending renames or removes.  SIGINT, SIGTERM,
 * SIGHUP or SIGPIPE would end the process with them still there.  Whoever
 * creates such a file registers its path with eg_cleanup_add and takes it
 * back with eg_cleanup_remove once the file is renamed or removed; the
 * handler eg_cleanup_signals installs unlinks every path still registered
 * and re-raises the signal with its default action, so the process ends as
 * it would have (exit status 128+N) minus the stray files.
 *
 * The registry is fixed storage (EG_CLEANUP_SLOTS paths of at most
 * EG_CLEANUP_PATH_MAX bytes) handled with lock-free atomics: the handler
 * may run at any moment on any thread, so it allocates and locks nothing.
 * Paths are copied; a relative path is resolved against the working
 * directory when the handler runs.
 */
#ifndef EG_CLEANUP_H
#define EG_CLEANUP_H

#define EG_CLEANUP_SLOTS 16
#define EG_CLEANUP_PATH_MAX 4096

/* Registers path; returns 0, or -1 when it is too long or every slot is
 * taken (the file is then merely not removed on a signal). */
int eg_cleanup_add(const char *path);
/* Forgets path (the first registration equal to it); nothing if absent. */
void eg_cleanup_remove(const char *path);

/* Installs the handler for SIGINT, SIGTERM, SIGHUP and SIGPIPE, except
 * for those ignored when the process started (nohup, a background job's
 * SIGINT): an ignored signal ends nothing.  main() calls it once. */
void eg_cleanup_signals(void);

#endif
