import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, javaProblem } from './browser';

/**
 * The browser tests' own set-up (vitest runs it only when a browser test is in the run): what they
 * need from the system — Debian's Chromium and a Java runtime for the Nu HTML checker — is
 * installed from Debian's packages when it is missing and this is root on Debian. Otherwise one
 * line says what to install, and the run stops there, without a stack trace.
 */
export default function setup(): void {
  const packages: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) packages.push('chromium');
  if (javaProblem()) packages.push('default-jre-headless');
  if (packages.length === 0) return;

  const root = process.getuid?.() === 0;
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (root && apt) {
    console.log(
      `The browser tests need ${packages.join(' and ')}: installing from Debian's packages`,
    );
    const quiet = {
      stdio: 'ignore' as const,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    };
    // Another install may hold Debian's package lock for a while: wait for it rather than fail.
    const wait = ['-o', 'DPkg::Lock::Timeout=600'];
    spawnSync('apt-get', [...wait, 'update', '-qq'], quiet);
    spawnSync('apt-get', [...wait, 'install', '-y', '-qq', ...packages], quiet);
    if (existsSync(CHROMIUM_PATH) && !javaProblem()) return;
  }
  const line = `The browser tests need Debian's ${packages.join(' and ')}${
    root && apt ? ', and installing them failed' : ''
  }: run apt-get install ${packages.join(' ')} as root, then the tests again.`;
  // A bare line: vitest prints an error's stack, which says nothing here.
  const error = new Error(line);
  error.stack = line;
  throw error;
}
