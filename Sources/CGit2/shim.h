#ifndef TIERLINT_CGIT2_SHIM_H
#define TIERLINT_CGIT2_SHIM_H
#include <git2.h>
#endif
