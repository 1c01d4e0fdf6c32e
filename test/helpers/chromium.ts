/**
 * Debian's Chromium for browser tests, driven by playwright-core (no browser download). When
 * `/usr/bin/chromium` is missing, the package is installed with apt first (the test machines run
 * as root), so `npm ci && npm test` passes on a fresh machine of this kind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const APT_INSTALL = ['install', '-y', '-o', 'DPkg::Lock::Timeout=600', 'chromium'];

function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', APT_INSTALL, { stdio: 'inherit', env });
  } catch {
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', APT_INSTALL, { stdio: 'inherit', env });
  }
}

/** A headless Chromium with background networking off, so every request it makes is the page's. */
export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
