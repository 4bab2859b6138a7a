/**
 * `--output FILE`: results written whole or not at all. The file is checked
 * before any work (its folder must exist, it must not be a folder), the text
 * goes to a temporary file in the same folder, and a rename puts it in place,
 * so a failed or interrupted run leaves no file and never a partial one (an
 * existing FILE is replaced only by a complete result).
 */

import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './args.js';

const why = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'not a folder' : String((e as Error).message);
};

/** Throws a UsageError when `file` cannot be written (checked before the work starts). */
export function checkOutput(file: string): void {
  if (file.trim() === '') throw new UsageError('option --output: expected a file name, got ""');
  const path = resolve(file);
  try {
    if (!statSync(dirname(path)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (e) {
    throw new UsageError(`option --output: cannot write "${file}": ${why(e)}`);
  }
  let isDirectory = false;
  try { isDirectory = statSync(path).isDirectory(); } catch { /* absent: fine */ }
  if (isDirectory) throw new UsageError(`option --output: "${file}" is a folder`);
}

/** Writes `text` to `file` through a temporary file in the same folder and a rename. */
export function writeAtomically(file: string, text: string): void {
  const path = resolve(file);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try { unlinkSync(temp); } catch { /* never created */ }
    throw new UsageError(`option --output: cannot write "${file}": ${why(e)}`);
  }
}
