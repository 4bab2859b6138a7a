// `scaling-kit fit --output OUT` against every kind of OUT (issue 12 step 4): a new file
// (atomic: a write error leaves nothing), an existing 0600 file (keeps its mode and owner), a
// read-only file (refused without --force, replaced and still read-only with it), a symlink
// (written through), a dangling symlink (its target created), a FIFO (written, read
// concurrently), /dev/full (a one-line error, the device untouched), /dev/stdout (the result on
// stdout, the link still a link) and a folder (refused).
//
// Real processes. As root, a case whose outcome depends on permission bits also runs as the user
// `nobody` (setpriv or runuser), in a folder that user owns; /dev/full and /dev/stdout are put
// back should a broken build replace them.
import { test, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs, { chmodSync, chownSync, closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../src/cli/run.js';

const LIMIT = { timeout: 120_000 };
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const main = join(repo, 'src/cli/main.ts');
const tmp = mkdtempSync(join(tmpdir(), 'scaling-kit-output-'));
chmodSync(tmp, 0o755); // another user must reach the folders below
after(() => rmSync(tmp, { recursive: true, force: true }));

interface User { name: string; uid: number; gid: number; prefix: string[] }

const me: User = { name: 'current user', uid: process.getuid!(), gid: process.getgid!(), prefix: [] };

/** As root, `nobody` through setpriv or runuser; undefined (with a note) when that cannot be done. */
function nobody(): User | undefined {
  if (me.uid !== 0) return undefined; // already not root: the current user is the non-root case
  const id = (flag: string) => spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' });
  const [u, g] = [id('-u'), id('-g')];
  if (u.status !== 0 || g.status !== 0) {
    console.log('# output-files: no user "nobody": the non-root variants are skipped');
    return undefined;
  }
  const uid = Number(u.stdout), gid = Number(g.stdout);
  if (spawnSync('setpriv', ['--version']).status === 0) return { name: 'nobody', uid, gid, prefix: ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups'] };
  if (spawnSync('runuser', ['--version']).status === 0) return { name: 'nobody', uid, gid, prefix: ['runuser', '-u', 'nobody', '--'] };
  console.log('# output-files: neither setpriv nor runuser: the non-root variants are skipped');
  return undefined;
}
const other = nobody();
const users = other ? [me, other] : [me];

/** The command line for `user`, under umask `umask`. */
function commandLine(user: User, args: string[], umask: string): [string, string[]] {
  const [command, ...rest] = [...user.prefix, '/bin/sh', '-c', 'umask "$0" && exec "$@"', umask, process.execPath, '--import', 'tsx', main, ...args];
  return [command, rest];
}

const cli = (user: User, args: string[], options: SpawnSyncOptions & { umask?: string } = {}) => {
  const [command, rest] = commandLine(user, args, options.umask ?? '022');
  return spawnSync(command, rest, { encoding: 'utf8', cwd: repo, ...options }) as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };
};

/** A fresh folder owned by `user`. */
function folder(user: User, name: string): string {
  const dir = mkdtempSync(join(tmp, `${name}-`));
  chownSync(dir, user.uid, user.gid);
  return dir;
}

/** A file owned by `user` with `mode`. */
function file(user: User, path: string, text: string, mode: number): string {
  writeFileSync(path, text);
  chownSync(path, user.uid, user.gid);
  chmodSync(path, mode);
  return path;
}

const mode = (path: string) => statSync(path).mode & 0o7777;
const isResult = (text: string, where: string) => {
  const result = JSON.parse(text);
  assert.equal(result.runs, 81, where);
  assert.equal(result.form, 'chinchilla', where);
};
const oneLine = (stderr: string, pattern: RegExp, where: string) => {
  assert.equal(stderr.trimEnd().split('\n').length, 1, `${where}: ${stderr}`);
  assert.match(stderr.trimEnd(), pattern, where);
};

test('a new file: written whole with 0666 less the umask; a failing write leaves no file', LIMIT, async () => {
  for (const user of users) {
    const dir = folder(user, 'new');
    const out = join(dir, 'result.json');
    const r = cli(user, ['fit', '--json', '--output', out], { umask: '002' });
    assert.equal(r.status, 0, `${user.name}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    isResult(readFileSync(out, 'utf8'), user.name);
    assert.equal(mode(out).toString(8), '664', `${user.name}: a new file follows the umask like any other program's`);
    assert.equal(statSync(out).uid, user.uid);
    assert.deepEqual(readdirSync(dir), ['result.json'], `${user.name}: no temporary file left`);
  }

  // A write that fails half-way (the disk gives an I/O error after some bytes): no file, no temporary file.
  const dir = folder(me, 'failing');
  const out = join(dir, 'result.json');
  const real = fs.writeSync;
  mock.method(fs, 'writeSync', function (this: unknown, fd: number, data: unknown, ...rest: unknown[]) {
    const text = typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : '';
    if (!text.includes('"form":"chinchilla"')) return (real as (...a: unknown[]) => number).call(fs, fd, data, ...rest);
    real(fd, text.slice(0, 64));
    throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO', errno: -5, syscall: 'write' });
  });
  syncBuiltinESMExports(); // `import { writeSync } from 'node:fs'` sees the mock too
  let r;
  try {
    r = await runCli(['fit', '--json', '--output', out]);
  } finally {
    mock.restoreAll();
    syncBuiltinESMExports();
  }
  assert.equal(r.status, 2, r.stderr);
  oneLine(r.stderr, /cannot write ".*result\.json": .*(input\/output|i\/o) error/, 'the simulated write error');
  assert.deepEqual(readdirSync(dir), [], 'a failed write leaves neither the file nor a temporary file');
});

test('an existing 0600 file keeps 0600 and its owner', LIMIT, () => {
  for (const user of users) {
    const dir = folder(user, 'private');
    const out = file(user, join(dir, 'private.json'), 'previous\n', 0o600);
    const r = cli(user, ['fit', '--json', '--output', out]);
    assert.equal(r.status, 0, `${user.name}: ${r.stderr}`);
    isResult(readFileSync(out, 'utf8'), user.name);
    assert.equal(mode(out).toString(8), '600', `${user.name}: the mode is kept`);
    assert.equal(statSync(out).uid, user.uid, `${user.name}: the owner is kept`);
    assert.deepEqual(readdirSync(dir), ['private.json']);
  }
  if (other) {
    // Root replacing another user's file: the owner stays that user.
    const dir = folder(me, 'owned');
    const out = file(other, join(dir, 'theirs.json'), 'previous\n', 0o640);
    const r = cli(me, ['fit', '--json', '--output', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(mode(out).toString(8), '640');
    assert.deepEqual([statSync(out).uid, statSync(out).gid], [other.uid, other.gid], 'owner and group kept');
  }
});

test('an existing read-only file is refused without --force and replaced, still read-only, with it', LIMIT, () => {
  for (const user of users) {
    const dir = folder(user, 'readonly');
    const out = file(user, join(dir, 'kept.json'), 'previous\n', 0o444);
    const refused = cli(user, ['fit', '--json', '--output', out]);
    assert.equal(refused.status, 2, `${user.name}: a 0444 file is refused (root ignores the bits, the check must not): ${refused.stderr}`);
    oneLine(refused.stderr, /read-only.*--force/, user.name);
    assert.equal(readFileSync(out, 'utf8'), 'previous\n');
    assert.equal(mode(out).toString(8), '444');

    const forced = cli(user, ['fit', '--json', '--output', out, '--force']);
    assert.equal(forced.status, 0, `${user.name}: ${forced.stderr}`);
    isResult(readFileSync(out, 'utf8'), user.name);
    assert.equal(mode(out).toString(8), '444', `${user.name}: --force keeps the mode`);
    assert.equal(statSync(out).uid, user.uid);
    assert.deepEqual(readdirSync(dir), ['kept.json']);
  }
  if (other) {
    // A file the user may not write (root's 0644), in a folder the user owns: refused, although the rename would work.
    const dir = folder(other, 'foreign');
    const out = file(me, join(dir, 'roots.json'), 'previous\n', 0o644);
    const r = cli(other, ['fit', '--json', '--output', out]);
    assert.equal(r.status, 2, r.stderr);
    oneLine(r.stderr, /read-only/, 'nobody on root\'s file');
    assert.equal(readFileSync(out, 'utf8'), 'previous\n');
    assert.equal(statSync(out).uid, me.uid);
  }
});

test('a symlink is written through: the link stays a link, its final target gets the result', LIMIT, () => {
  for (const user of users) {
    const dir = folder(user, 'link');
    const elsewhere = folder(user, 'elsewhere');
    const target = file(user, join(elsewhere, 'target.json'), 'previous\n', 0o640);
    symlinkSync(target, join(dir, 'first.json')); // absolute
    symlinkSync('first.json', join(dir, 'second.json')); // relative, a chain of two
    const r = cli(user, ['fit', '--json', '--output', join(dir, 'second.json')]);
    assert.equal(r.status, 0, `${user.name}: ${r.stderr}`);
    assert.ok(lstatSync(join(dir, 'second.json')).isSymbolicLink(), 'the link given is still a link');
    assert.equal(readlinkSync(join(dir, 'second.json')), 'first.json');
    assert.ok(lstatSync(join(dir, 'first.json')).isSymbolicLink(), 'the link in the middle too');
    isResult(readFileSync(target, 'utf8'), user.name);
    assert.equal(mode(target).toString(8), '640');
    assert.deepEqual(readdirSync(dir).sort(), ['first.json', 'second.json']);
    assert.deepEqual(readdirSync(elsewhere), ['target.json'], 'the temporary file was beside the target and is gone');
  }
});

test('a dangling symlink: its target is created when its folder exists, refused when not', LIMIT, () => {
  for (const user of users) {
    const dir = folder(user, 'dangling');
    symlinkSync('made.json', join(dir, 'link.json'));
    const r = cli(user, ['fit', '--json', '--output', join(dir, 'link.json')]);
    assert.equal(r.status, 0, `${user.name}: ${r.stderr}`);
    assert.ok(lstatSync(join(dir, 'link.json')).isSymbolicLink(), `${user.name}: the link stays a link`);
    isResult(readFileSync(join(dir, 'made.json'), 'utf8'), user.name);
    assert.equal(mode(join(dir, 'made.json')).toString(8), '644');
    assert.deepEqual(readdirSync(dir).sort(), ['link.json', 'made.json']);

    symlinkSync(join(dir, 'nowhere', 'x.json'), join(dir, 'lost.json'));
    const lost = cli(user, ['fit', '--json', '--output', join(dir, 'lost.json')]);
    assert.equal(lost.status, 2, lost.stderr);
    oneLine(lost.stderr, /no such folder/, `${user.name}: dangling into a missing folder`);
    assert.ok(lstatSync(join(dir, 'lost.json')).isSymbolicLink());
    assert.deepEqual(readdirSync(dir).sort(), ['link.json', 'lost.json', 'made.json']);
  }
});

/** Runs the CLI without blocking this process; resolves with its exit. */
function cliAsync(user: User, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const [command, rest] = commandLine(user, args, '022');
  const child = spawn(command, rest, { cwd: repo });
  let stdout = '', stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

test('a FIFO is written into (its reader gets the result), never replaced', LIMIT, async () => {
  for (const user of users) {
    const dir = folder(user, 'fifo');
    const fifo = join(dir, 'pipe');
    const made = spawnSync('mkfifo', ['-m', '600', fifo], { encoding: 'utf8' });
    assert.equal(made.status, 0, `mkfifo: ${made.stderr}`);
    chownSync(fifo, user.uid, user.gid);
    // The reader: `cat`, a process of its own, so a build that never opens the FIFO cannot hang this one.
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (d) => { read += d; });
    const readerDone = new Promise<void>((done) => reader.on('close', () => done()));
    const r = await cliAsync(user, ['fit', '--json', '--output', fifo]);
    const finished = await Promise.race([readerDone.then(() => true), new Promise<boolean>((done) => setTimeout(() => done(false), 10_000))]);
    if (!finished) reader.kill();
    assert.equal(r.status, 0, `${user.name}: ${r.stderr}`);
    assert.ok(finished, `${user.name}: the reader got an end of file`);
    isResult(read, `${user.name}: what the reader got`);
    assert.ok(lstatSync(fifo).isFIFO(), `${user.name}: the FIFO is still a FIFO`);
    assert.deepEqual(readdirSync(dir), ['pipe']);
  }
});

/** Runs `check` and, should /dev/`name` have been replaced, puts it back (as root) before failing. */
function guardingDevice(name: 'full' | 'stdout', check: () => void): void {
  const path = `/dev/${name}`;
  const before = lstatSync(path);
  const link = before.isSymbolicLink() ? readlinkSync(path) : undefined;
  try {
    check();
  } finally {
    const now = lstatSync(path, { throwIfNoEntry: false });
    const same = now !== undefined && now.ino === before.ino && now.rdev === before.rdev && now.mode === before.mode;
    if (!same && me.uid === 0) {
      rmSync(path, { force: true });
      if (link !== undefined) symlinkSync(link, path);
      else spawnSync('mknod', ['-m', (before.mode & 0o777).toString(8), path, 'c', String((before.rdev >> 8) & 0xfff), String((before.rdev & 0xff) | ((before.rdev >> 12) & ~0xff))]);
    }
    assert.ok(same, `${path} was replaced (put back)`);
  }
}

test('/dev/full: one line "no space left on device", a non-zero exit, the device untouched', LIMIT, (t) => {
  if (!lstatSync('/dev/full', { throwIfNoEntry: false })?.isCharacterDevice()) return t.skip('no /dev/full here');
  for (const user of users) {
    guardingDevice('full', () => {
      const r = cli(user, ['fit', '--json', '--output', '/dev/full']);
      assert.notEqual(r.status, 0, `${user.name}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      oneLine(r.stderr, /^scaling-kit: .*"\/dev\/full": no space left on device$/, user.name);
      assert.ok(statSync('/dev/full').isCharacterDevice());
    });
  }
});

test('/dev/stdout: the result arrives on stdout (a pipe, or a file after what the shell wrote), /dev/stdout stays', LIMIT, (t) => {
  if (!lstatSync('/dev/stdout', { throwIfNoEntry: false })) return t.skip('no /dev/stdout here');
  for (const user of users) {
    guardingDevice('stdout', () => {
      const r = cli(user, ['fit', '--json', '--output', '/dev/stdout']);
      assert.equal(r.status, 0, `${user.name}: ${r.stderr}`);
      isResult(r.stdout, `${user.name}: stdout, a pipe`);

      // `{ echo header; scaling-kit fit --output /dev/stdout; echo trailer; } > shell.txt`
      const dir = folder(user, 'stdout');
      const out = join(dir, 'shell.txt');
      const fd = openSync(out, 'w');
      try {
        writeSync(fd, 'header\n');
        const s = cli(user, ['fit', '--json', '--output', '/dev/stdout'], { stdio: ['ignore', fd, 'pipe'] });
        assert.equal(s.status, 0, `${user.name}: ${s.stderr}`);
        writeSync(fd, 'trailer\n');
      } finally {
        closeSync(fd);
      }
      const lines = readFileSync(out, 'utf8').split('\n');
      assert.equal(lines[0], 'header');
      isResult(lines[1], `${user.name}: stdout, a file`);
      assert.deepEqual(lines.slice(2), ['trailer', '']);
    });
  }
});

test('a folder (a link to one too) and a block device are refused, --force or not', LIMIT, () => {
  const dir = folder(me, 'folder');
  const inside = join(dir, 'results');
  mkdirSync(inside);
  symlinkSync(inside, join(dir, 'link'));
  for (const [out, ...force] of [[inside], [inside, '--force'], [join(dir, 'link')], [`${inside}/`, '--force']]) {
    const r = cli(me, ['fit', '--json', '--output', out, ...force]);
    assert.equal(r.status, 2, `${out} ${force}: ${r.stderr}`);
    oneLine(r.stderr, /is a folder/, `${out} ${force}`);
    assert.ok(statSync(inside).isDirectory());
    assert.ok(lstatSync(join(dir, 'link')).isSymbolicLink());
    assert.deepEqual(readdirSync(inside), []);
  }
  // A block device (root makes one for loop0 in the scratch folder; nothing is written to it here).
  const block = join(dir, 'block');
  const madeBlock = me.uid === 0 && spawnSync('mknod', ['-m', '600', block, 'b', '7', '0']).status === 0;
  if (madeBlock) {
    const before = lstatSync(block);
    const r = cli(me, ['fit', '--json', '--output', block, '--force']);
    assert.equal(r.status, 2, r.stderr);
    oneLine(r.stderr, /block device/, 'block device');
    const now = lstatSync(block);
    assert.ok(now.isBlockDevice() && now.ino === before.ino, 'the device node is untouched');
  }
  assert.deepEqual(readdirSync(dir).sort(), [...(madeBlock ? ['block'] : []), 'link', 'results']);
});
