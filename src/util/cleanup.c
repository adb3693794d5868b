#include "util/cleanup.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

/* A slot is FREE, being written (CLAIMED) or READY; the handler reads
 * only READY paths, which are complete.  Callers on several threads take
 * the lock among themselves; the handler takes none. */
enum { FREE, CLAIMED, READY };

static atomic_int state[EG_CLEANUP_SLOTS];
static char paths[EG_CLEANUP_SLOTS][EG_CLEANUP_PATH_MAX];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int eg_cleanup_add(const char *path)
{
	size_t n = strlen(path);
	if (n >= EG_CLEANUP_PATH_MAX)
		return -1;
	int rc = -1;
	pthread_mutex_lock(&lock);
	for (int i = 0; i < EG_CLEANUP_SLOTS && rc < 0; i++) {
		if (atomic_load(&state[i]) == FREE) {
			atomic_store(&state[i], CLAIMED);
			memcpy(paths[i], path, n + 1);
			atomic_store(&state[i], READY);
			rc = 0;
		}
	}
	pthread_mutex_unlock(&lock);
	return rc;
}

void eg_cleanup_remove(const char *path)
{
	pthread_mutex_lock(&lock);
	for (int i = 0; i < EG_CLEANUP_SLOTS; i++) {
		if (atomic_load(&state[i]) == READY && strcmp(paths[i], path) == 0) {
			atomic_store(&state[i], FREE);
			break;
		}
	}
	pthread_mutex_unlock(&lock);
}

static void on_signal(int sig)
{
	int saved = errno;
	for (int i = 0; i < EG_CLEANUP_SLOTS; i++)
		if (atomic_load(&state[i]) == READY)
			unlink(paths[i]);
	/* The signal is blocked while its handler runs: re-raised with the
	 * default action, it ends the process as soon as the handler returns. */
	struct sigaction dfl;
	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	raise(sig);
	errno = saved;
}

void eg_cleanup_signals(void)
{
	static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* One handler at a time: a second signal waits until the first has
	 * removed the files and ended the process. */
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		sigaddset(&sa.sa_mask, signals[i]);
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
		struct sigaction old;
		if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(signals[i], &sa, NULL);
	}
}
