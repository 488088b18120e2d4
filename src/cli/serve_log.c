/*
 * serve_log.c - libmicrohttpd's messages, "izde: serve: " before each, at
 * most SERVE_LOG_PER_SECOND a second; the number left out is said once
 * the next message is shown.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "serve_log.h"

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static time_t log_second;
static unsigned log_shown;
static unsigned long log_left_out;

void serve_log_mhd(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    line[strcspn(line, "\n")] = '\0';
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    pthread_mutex_lock(&log_lock);
    if (now.tv_sec != log_second) {
        log_second = now.tv_sec;
        log_shown = 0;
    }
    if (log_shown >= SERVE_LOG_PER_SECOND) {
        log_left_out++;
    } else {
        log_shown++;
        if (log_left_out)
            fprintf(stderr, "izde: serve: (%lu more messages left out)\n", log_left_out);
        log_left_out = 0;
        fprintf(stderr, "izde: serve: %s\n", line);
    }
    pthread_mutex_unlock(&log_lock);
}
