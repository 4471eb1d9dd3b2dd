/* progress: bytes, files and speed on stderr while a long run goes on (--progress): a
 * self-overwriting line on a terminal, one summary line otherwise (common/meter.h). */
#ifndef SEGMENT_PROGRESS_H
#define SEGMENT_PROGRESS_H

void progress_start(int wanted);
/* Called after every block read; prints at most twice a second. */
void progress_tick(unsigned long long bytes);
/* Called after every document. */
void progress_file_done(void);
void progress_done(unsigned long long bytes);

#endif
