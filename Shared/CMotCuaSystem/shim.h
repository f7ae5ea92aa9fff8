#ifndef CMOTCUASYSTEM_SHIM_H
#define CMOTCUASYSTEM_SHIM_H
/* C library functions that Swift's Glibc module does not expose. */
#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
/// Returns freed heap memory to the system (glibc only).
static inline int cmotcua_malloc_trim(void) { return malloc_trim(0); }
#else
static inline int cmotcua_malloc_trim(void) { return 0; }
#endif
#endif
