import { serve, type ServerType } from '@hono/node-server';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestContext } from './app';
import { locales, type Lang } from '@/platform/i18n';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** A phone (the narrowest common one) and a laptop; every layout test runs on both. */
export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
export const VIEWPORTS = [
  { name: 'phone', viewport: PHONE },
  { name: 'desktop', viewport: DESKTOP },
] as const;

/** Serves the test app on a loopback port for a real browser; close() stops it. */
export async function serveForBrowser(
  ctx: TestContext,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Debian's Chromium, headless, with the flags this machine's closed network needs. Without it,
 * one line says what to install (`.ci/run` installs it as root), never a stack trace.
 */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium), as .ci/run does.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
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

/**
 * A page as a person gets it: the site's real Content-Security-Policy (never bypassed), and every
 * violation of it recorded (`cspViolations(page)`): a blocked inline style or script is a layout
 * or a feature the person does not get.
 */
export async function openPage(
  browser: Browser,
  options: {
    viewport?: { width: number; height: number };
    lang?: Lang;
    headers?: Record<string, string>;
    javaScriptEnabled?: boolean;
  } = {},
): Promise<Page> {
  const page = await browser.newPage({
    viewport: options.viewport ?? PHONE,
    locale: locales[options.lang ?? 'et'],
    extraHTTPHeaders: options.headers,
    javaScriptEnabled: options.javaScriptEnabled,
  });
  // Players are embedded from other sites, which this machine cannot reach: an empty answer.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204 }));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return page;
}

/** The CSP violations the page has reported since it loaded. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

/** What one round trip to the browser finds out about the page as it is drawn now. */
function measureLayout(page: Page, firstScreen?: string) {
  return page.evaluate((selector) => {
    const width = window.innerWidth;
    const px = document.documentElement.scrollWidth - width;
    const culprits: string[] = [];
    if (px > 0) {
      for (const element of Array.from(document.querySelectorAll('body *'))) {
        const box = element.getBoundingClientRect();
        if (box.right > width + 1 && box.width > 0) {
          const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
            typeof element.className === 'string' && element.className
              ? `.${element.className.trim().split(/\s+/).join('.')}`
              : ''
          }`;
          culprits.push(`${name} (right edge ${Math.round(box.right)} px)`);
        }
      }
    }
    let inFirstScreen = true;
    if (selector) {
      const element = document.querySelector(selector);
      const box = element?.getBoundingClientRect();
      inFirstScreen =
        !!element &&
        !!box &&
        box.width > 0 &&
        box.height > 0 &&
        getComputedStyle(element).visibility !== 'hidden' &&
        box.top >= 0 &&
        box.left >= 0 &&
        box.bottom <= window.innerHeight &&
        box.right <= width;
    }
    const blocked = (window as unknown as { __csp?: string[] }).__csp ?? [];
    return { px, culprits: culprits.slice(-5), inFirstScreen, blocked };
  }, firstScreen);
}

/**
 * How far the page is wider than the window (0: no sideways scrolling), with the widest
 * elements that stick out, to say what to fix.
 */
export async function horizontalOverflow(page: Page): Promise<{ px: number; culprits: string[] }> {
  const { px, culprits } = await measureLayout(page);
  return { px, culprits };
}

/** True when the element is drawn, and all of it lies in the first screen, without scrolling. */
export async function inFirstScreen(page: Page, selector: string): Promise<boolean> {
  const locator = page.locator(selector).first();
  if ((await locator.count()) === 0 || !(await locator.isVisible())) return false;
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= viewport.height &&
    box.x + box.width <= viewport.width
  );
}

/**
 * What the CSP blocked, how far the page scrolls sideways (with the elements that stick out) and,
 * given a selector, whether that element is drawn whole in the first screen: one round trip to
 * the browser instead of one per question, which the sweeps over every page type repeat hundreds
 * of times.
 */
export async function layoutProblems(page: Page, firstScreen?: string): Promise<string[]> {
  const found = await measureLayout(page, firstScreen);
  const problems: string[] = [];
  if (found.blocked.length > 0) problems.push(`CSP ${found.blocked.join(', ')}`);
  if (found.px > 0) problems.push(`${found.px} px too wide (${found.culprits.join('; ')})`);
  if (!found.inFirstScreen) problems.push(`${firstScreen} is not in the first screen`);
  return problems;
}

// ----- axe-core ----------------------------------------------------------------------------------

let axeSource: string | undefined;

/**
 * axe-core's WCAG 2.1 A and AA rules in the page; its serious and critical violations, each as
 * `rule: help (elements)`. Evaluated through the DevTools protocol: the page's CSP (rightly)
 * refuses an inline script tag.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Violation = {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    };
    const axe = (
      window as unknown as { axe: { run(options: unknown): Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// ----- the Nu HTML checker ---------------------------------------------------------------------

export type HtmlProblem = { file: string; line?: number; message: string; extract?: string };

/**
 * The Nu HTML checker (npm vnu-jar) needs Java 11 or later. Without it, one line says what to
 * install (`.ci/run` installs Debian's default-jre-headless as root).
 */
export function javaProblem(): string | null {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    return "The HTML checks need Java 11 or later for the Nu HTML checker: install Debian's default-jre-headless (apt-get install default-jre-headless), as .ci/run does.";
  }
  const version = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1];
  if (version && Number(version) < 11) {
    return `The Nu HTML checker needs Java 11 or later; this machine has Java ${version}: install Debian's default-jre-headless.`;
  }
  return null;
}

/**
 * Checks HTML documents with the Nu HTML checker in one Java run and returns its errors (not
 * its warnings), each with the document's name.
 */
export function checkHtml(documents: { name: string; html: string }[]): HtmlProblem[] {
  const missing = javaProblem();
  if (missing) throw new Error(missing);
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  const dir = mkdtempSync(join(tmpdir(), 'koda-vnu-'));
  try {
    const files = documents.map((document, index) => {
      const file = join(dir, `${String(index).padStart(3, '0')}.html`);
      writeFileSync(file, document.html);
      return { file, name: document.name };
    });
    const run = spawnSync(
      'java',
      [
        '-Xss8m',
        '-jar',
        jar,
        '--format',
        'json',
        '--exit-zero-always',
        ...files.map((f) => f.file),
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    // The report is written to stderr, as JSON.
    const report = JSON.parse(run.stderr.trim() || '{"messages":[]}') as {
      messages: {
        type: string;
        url?: string;
        lastLine?: number;
        message: string;
        extract?: string;
      }[];
    };
    const nameOf = new Map(files.map((f) => [`file:${f.file}`, f.name]));
    return report.messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map((m) => ({
        file: nameOf.get(m.url ?? '') ?? m.url ?? '?',
        line: m.lastLine,
        message: m.message,
        extract: m.extract,
      }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
