// A file-system failure as a short phrase for records and messages (the path is given beside it).
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'not a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EIO': return 'input/output error';
    default: return code ?? (err instanceof Error ? err.message : String(err));
  }
}
