// GLPK's C API (Debian: libglpk-dev). Only ConveneGLPK imports this module.
#include <glpk.h>
