// GLPK's C API (Debian: libglpk-dev). Only ConveneGLPK imports this module.
#include <glpk.h>
#include <setjmp.h>
#include <stddef.h>

// A way to stop glp_simplex between iterations. GLPK's simplex has no callback, but with
// msg_lev GLP_MSG_ON it prints its progress through the terminal hook every `out_frq`
// milliseconds. There the guard asks `stop`; on yes, glp_error ends the simplex through the
// error hook, which jumps back to convene_guarded_simplex: GLPK's documented way out of an
// abnormal end, after which the thread's GLPK environment must be freed.
typedef struct convene_guard {
    jmp_buf jump;
    // Asked at each progress line; non-zero stops the simplex.
    int (*stop)(void *info);
    // Receives GLPK's terminal output; NULL discards it.
    void (*print)(void *info, const char *text);
    void *info;
    int stopping;
} convene_guard;

static void convene_guard_error(void *info) {
    longjmp(((convene_guard *)info)->jump, 1);
}

static int convene_guard_terminal(void *info, const char *text) {
    convene_guard *guard = (convene_guard *)info;
    if (guard->stopping) return 1;
    if (guard->print != NULL) guard->print(guard->info, text);
    if (guard->stop(guard->info)) {
        guard->stopping = 1;
        glp_error("%s", "stopped\n");
    }
    return 1;
}

// GLPK's simplex or branch-and-cut, as one signature for the guard.
typedef int (*convene_solver)(glp_prob *problem, const void *parm);

static int convene_simplex(glp_prob *problem, const void *parm) {
    return glp_simplex(problem, (const glp_smcp *)parm);
}

static int convene_intopt(glp_prob *problem, const void *parm) {
    return glp_intopt(problem, (const glp_iocp *)parm);
}

// `solve` under a guard: its return code, or -1 when the guard stopped it. Then the thread's
// GLPK environment has been freed, with every problem object the thread had. The jump lands in
// this frame, which is live for the whole solve.
static inline int convene_guarded(convene_solver solve, glp_prob *problem, const void *parm, convene_guard *guard) {
    guard->stopping = 0;
    glp_term_hook(convene_guard_terminal, guard);
    if (setjmp(guard->jump) != 0) {
        glp_free_env();
        return -1;
    }
    glp_error_hook(convene_guard_error, guard);
    int code = solve(problem, parm);
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    return code;
}

// glp_simplex under the guard.
static inline int convene_guarded_simplex(glp_prob *lp, const glp_smcp *parm, convene_guard *guard) {
    return convene_guarded(convene_simplex, lp, parm, guard);
}

// glp_intopt under the guard. Branch-and-cut's callback is not called while a node's LP is
// re-solved; the node's dual simplex prints its progress every 5 s (GLPK's default for
// `out_frq`, which glp_intopt does not let the caller change) once `out_dly` has passed, and the
// guard reads the stop flag there.
static inline int convene_guarded_intopt(glp_prob *mip, const glp_iocp *parm, convene_guard *guard) {
    return convene_guarded(convene_intopt, mip, parm, guard);
}
