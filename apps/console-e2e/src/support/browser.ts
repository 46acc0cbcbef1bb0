import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { repoRoot } from './console-build';

export const CHROMIUM = '/usr/bin/chromium';
export const screenshotDir = join(repoRoot, '.local/screenshots/console');

/** Debian's chromium, headless, as CI has it (tools/ci/install-browser.sh installs it). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash tools/ci/install-browser.sh (as root)`);
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A screenshot once the page has settled (no request in flight, no spinner). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/** Picks an option of an Ant Design select (opened by clicking it) by its exact title. */
export async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click({ force: true }); // the chosen value lies over the input
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
}

/** Retries `attempt` until it returns true: the screens catch up with the workflow through Kafka. */
export async function until(what: string, attempt: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await attempt().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`timed out waiting until ${what}`);
}
