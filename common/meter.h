/* meter: --progress for every program. On a terminal a self-overwriting line of bytes,
 * files and MB/s; elsewhere (a cron log) nothing of it. Notes (such as the charset chosen
 * for a file) are printed as whole lines whenever --progress is given. */
#ifndef COMMON_METER_H
#define COMMON_METER_H

/* on: --progress was given. */
void meter_start(int on);
int meter_on(void);
/* bytes: input bytes read so far in the whole run (cheap to call per row). */
void meter_tick(unsigned long long bytes);
void meter_file_done(void);
/* "prog: msg" on stderr when the meter is on. */
void meter_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The last state of the line, on a terminal: "prog: 12.3 MB, 4 files, 45.6 MB/s". */
void meter_done(unsigned long long bytes);

#endif
