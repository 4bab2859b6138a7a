/**
 * `--output FILE`: where a command's result goes instead of stdout. FILE is
 * checked before any work and again when the result is written. Symbolic links
 * are followed, one at a time, to their final target, and what happens depends
 * on what that target is:
 *
 *   - a new file (also the missing target of a dangling link, when its folder
 *     exists) or an existing regular file: written whole or not at all — a
 *     temporary file in the same folder, fsync, rename (write-file-atomic), so a
 *     failed or interrupted run leaves no file and never a partial one. An
 *     existing file keeps its mode and, where the user may set it, its owner; a
 *     new one gets 0666 less the umask, as from any other program. The link
 *     itself stays a link.
 *   - a FIFO or a character device (/dev/null, /dev/full, a terminal): opened
 *     and written directly, never replaced (a FIFO waits for its reader).
 *   - one of the process's own descriptors (/dev/stdout, /dev/fd/N,
 *     /proc/self/fd/N): written through that descriptor, whatever it holds (a
 *     pipe, a terminal, the file of a shell's `> out`, which then continues after
 *     the result); another process's descriptor is opened for appending.
 *   - a folder, a block device or a socket: refused.
 *
 * An existing target without write permission for the user — or without the
 * owner's write bit, which root would otherwise ignore — is refused unless
 * `--force`; with it, a regular file is replaced and keeps its mode.
 */

import { accessSync, closeSync, constants, fsyncSync, lstatSync, openSync, readdirSync, readlinkSync, realpathSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './args.js';

import writeFileAtomicModule from 'write-file-atomic';

const writeFileAtomic = () => writeFileAtomicModule;

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder', ENOTDIR: 'not a folder', EACCES: 'permission denied', EPERM: 'permission denied',
  EISDIR: 'is a folder', ENOSPC: 'no space left on device', EDQUOT: 'disk quota exceeded', EFBIG: 'file too large',
  EROFS: 'read-only file system', ELOOP: 'too many symbolic links', ENAMETOOLONG: 'name too long', EIO: 'input/output error',
  EPIPE: 'broken pipe', ENXIO: 'no such device or address', ETXTBSY: 'text file busy', EBADF: 'not open for writing',
};
const why = (e: unknown): string => REASONS[(e as NodeJS.ErrnoException).code ?? ''] ?? String((e as Error).message);
const fail = (file: string, reason: string) => new UsageError(`option --output: cannot write "${file}": ${reason}`);

/** /proc/self/fd/N and its like: a descriptor the process already has (/dev/stdout, /dev/fd/N lead here). */
const DESCRIPTOR = /^\/proc\/(\d+)(?:\/task\/\d+)?\/fd\/(\d+)$/;

type Target =
  | { kind: 'atomic'; path: string } // a regular file, existing or new
  | { kind: 'direct'; path: string; flags: number } // a FIFO, a character device, another process's descriptor
  | { kind: 'descriptor'; fd: number }; // one of this process's own descriptors (/dev/stdout)

/** The final target of `file` and how to write it; throws a UsageError when it must not or cannot be written. */
function plan(file: string, force: boolean): Target {
  if (file.trim() === '') throw new UsageError('option --output: expected a file name, got ""');
  let path = resolve(file);
  for (let hop = 0; hop <= 40; hop++) {
    let folder: string;
    try {
      folder = realpathSync(dirname(path));
      if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw fail(file, code === 'ENOENT' ? 'no such folder' : why(e));
    }
    path = join(folder, basename(path));
    const descriptor = DESCRIPTOR.exec(path);
    if (descriptor) {
      const [, pid, fd] = descriptor;
      let stats: Stats;
      try { stats = statSync(path); } catch { throw fail(file, 'not an open file descriptor'); }
      if (Number(pid) !== process.pid) {
        refuseKind(file, stats);
        return { kind: 'direct', path, flags: constants.O_WRONLY | constants.O_APPEND | constants.O_NOCTTY };
      }
      // Our own descriptor (/dev/stdout, /dev/fd/N): written through as it is, not reopened, so a
      // file's offset moves on (what the shell writes next after `> out` lands after the result)
      // and a pipe or terminal another user created still takes it. Node's own descriptors
      // (its wake-up pipes, with both ends ours; event and poll handles) are not the caller's.
      if (stats.isDirectory()) refuseKind(file, stats);
      const usable = stats.isFile() || stats.isCharacterDevice() || stats.isSocket() || (stats.isFIFO() && !bothEnds(pid, fd, stats));
      if (!usable) throw fail(file, 'not an open file descriptor');
      return { kind: 'descriptor', fd: Number(fd) };
    }
    let link: Stats;
    try {
      link = lstatSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fail(file, why(e));
      writableFolder(file, folder);
      return { kind: 'atomic', path }; // new (also a dangling link's target)
    }
    if (link.isSymbolicLink()) {
      path = resolve(folder, readlinkSync(path));
      continue;
    }
    refuseKind(file, link);
    if (!force) writableFile(file, path, link);
    if (link.isFile()) {
      writableFolder(file, folder);
      return { kind: 'atomic', path };
    }
    return { kind: 'direct', path, flags: constants.O_WRONLY | constants.O_NOCTTY };
  }
  throw fail(file, 'too many symbolic links');
}

function refuseKind(file: string, stats: Stats): void {
  if (stats.isDirectory()) throw new UsageError(`option --output: "${file}" is a folder`);
  if (stats.isBlockDevice()) throw fail(file, 'it is a block device (only files, FIFOs and character devices are written)');
  if (stats.isSocket()) throw fail(file, 'it is a socket (only files, FIFOs and character devices are written)');
  if (!stats.isFile() && !stats.isFIFO() && !stats.isCharacterDevice()) throw fail(file, 'not a file, FIFO or character device');
}

/** Whether another descriptor of process `pid` is the same pipe as descriptor `fd`. */
function bothEnds(pid: string, fd: string, stats: Stats): boolean {
  return readdirSync(`/proc/${pid}/fd`).some((other) => {
    if (other === fd) return false;
    try {
      const s = statSync(`/proc/${pid}/fd/${other}`);
      return s.ino === stats.ino && s.dev === stats.dev;
    } catch { return false; }
  });
}

/** Existing targets: the owner's write bit (checked by hand: root ignores it) and the user's own permission. */
function writableFile(file: string, path: string, stats: Stats): void {
  let allowed = (stats.mode & 0o200) !== 0;
  try { accessSync(path, constants.W_OK); } catch { allowed = false; }
  if (!allowed) throw fail(file, 'the file is read-only (--force replaces it)');
}

/** The rename needs to create a file in the folder. */
function writableFolder(file: string, folder: string): void {
  try { accessSync(folder, constants.W_OK); } catch (e) { throw fail(file, `cannot create files in its folder: ${why(e)}`); }
}

/** Throws a UsageError when `file` cannot be written (checked before the work starts). */
export function checkOutput(file: string, force = false): void {
  guarded(file, () => {
    if (plan(file, force).kind === 'atomic') writeFileAtomic(); // loaded now, should it be missing
  });
}

/** Writes `text` to `file` as the module comment says. */
export function writeOutput(file: string, text: string, force = false): void {
  guarded(file, () => {
    const target = plan(file, force);
    if (target.kind === 'atomic') {
      writeFileAtomic().sync(target.path, text, { fsync: true });
      syncFolder(dirname(target.path));
    } else if (target.kind === 'direct') {
      const fd = openSync(target.path, target.flags); // a FIFO waits here for its reader
      try { writeAll(fd, text); } finally { closeSync(fd); }
    } else {
      writeAll(target.fd, text);
    }
  });
}

function guarded<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    throw e instanceof UsageError ? e : fail(file, why(e));
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let done = 0; done < bytes.length;) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (e) {
      // A descriptor Node made non-blocking (a pipe behind process.stdout) can be full for a moment.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/** The rename reaches the disk with the folder's own fsync (best effort: not every file system allows it). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, constants.O_RDONLY);
    fsyncSync(fd);
  } catch { /* not supported here */ } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
