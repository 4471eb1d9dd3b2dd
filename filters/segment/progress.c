/* progress: segment's --progress, through the meter every program shares (common/meter.h). */
#include "meter.h"
#include "progress.h"

void progress_start(int wanted)
{
	meter_start(wanted);
}

void progress_file_done(void)
{
	meter_file_done();
}

void progress_tick(unsigned long long bytes)
{
	meter_tick(bytes);
}

void progress_done(unsigned long long bytes)
{
	meter_done(bytes);
}
