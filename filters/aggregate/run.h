/* run: see agg.h. */
#ifndef AGG_RUN_H
#define AGG_RUN_H
#include "agg.h"
#endif
