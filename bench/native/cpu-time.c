// cpu-time: runs a command and prints "WALL USER SYS" (seconds) of it and of EVERY process below it, to the file
// named by its first argument (the command's own output is left alone).
//
//   cpu-time OUTFILE COMMAND [ARGS...]
//
// Why not /usr/bin/time: it reports the CPU of the processes its child waited for. bubblewrap with a PID namespace
// (Amaan's decoder sandbox) reports its command's exit status and exits without waiting for the namespace's init
// process, so that process (and the ffmpeg it waited for) is reaped by the system's init and its CPU time is lost
// to /usr/bin/time: a sandboxed ffmpeg counts as 0 s. This tool makes itself a child subreaper (Linux
// PR_SET_CHILD_SUBREAPER): orphans below it are re-parented to it instead, it reaps every one of them, and
// RUSAGE_CHILDREN then holds the CPU of the whole tree. It returns the command's exit status.
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: cpu-time OUTFILE COMMAND [ARGS...]\n");
    return 125;
  }
  if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
    perror("cpu-time: PR_SET_CHILD_SUBREAPER");
    return 125;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) {
    perror("cpu-time: fork");
    return 125;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    fprintf(stderr, "cpu-time: cannot run %s: %s\n", argv[2], strerror(errno));
    _exit(127);
  }
  int status = 0, code = 125;
  for (;;) {
    int st;
    pid_t p = wait(&st);
    if (p < 0) {
      if (errno == EINTR) continue;
      break; // ECHILD: every process below us has been reaped
    }
    if (p == pid) status = st;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  struct rusage ru;
  getrusage(RUSAGE_CHILDREN, &ru);
  FILE *f = fopen(argv[1], "w");
  if (!f) {
    perror("cpu-time: output file");
    return 125;
  }
  fprintf(f, "%.4f %.4f %.4f\n", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
          ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6, ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6);
  fclose(f);
  if (WIFEXITED(status)) code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) code = 128 + WTERMSIG(status);
  return code;
}
