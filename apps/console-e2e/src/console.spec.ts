jest.setTimeout(180_000);

import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { signToken } from '../../gateway/src/auth/sign-token';
import { choose, launchBrowser, screenshot, until } from './support/browser';
import { ensureConsoleBuilt } from './support/console-build';
import { startGoalPath, stop } from './support/platform';

/**
 * The goal path through the console's screens in Debian's chromium, on the real PostgreSQL,
 * Kafka and Temporal: a unit declares and submits, a reviewer returns it with a comment on one
 * indicator, the unit revises and resubmits, the reviewer approves as 良, the auditor sees an
 * intact chain, and another unit cannot open the goal by its URL. Each step leaves a screenshot
 * in .local/screenshots/console/.
 */
const run = randomUUID().slice(0, 8);
const year = new Date().getFullYear();
const unitA = `U-A-${run}`;
const unitX = `U-X-${run}`;
const projectName = `义务教育学校校舍改造-${run}`;
const timeliness = `资金拨付及时率-${run}`;
const satisfaction = `服务对象满意度-${run}`;
const returnComment = '目标值偏低，应与年度改造计划一致';

let platform: { apps: INestApplication[]; gatewayUrl: string };
let browser: Browser;
let consoleUrl: string;
let projectId: string;
const pages: Record<string, Page> = {};

beforeAll(async () => {
  const seconds = ensureConsoleBuilt();
  if (seconds > 0) process.stdout.write(`console built in ${seconds.toFixed(1)} s\n`);
  platform = await startGoalPath();
  consoleUrl = `${platform.gatewayUrl}/console`;
  browser = await launchBrowser();
  await libraryWithCommonIndicators();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (platform) await stop(platform.apps);
});

/** The year's library with two common indicators of this run (set up through the API, as an admin would). */
async function libraryWithCommonIndicators() {
  const token = await signToken({ sub: `zhao-${run}`, role: 'finance-admin' });
  const call = (path: string, body: object) =>
    fetch(`${platform.gatewayUrl}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const opened = await call('/indicator-libraries', { region: 'county', fiscalYear: year, costLevelEnabled: false });
  expect([201, 409, 422]).toContain(opened.status); // an earlier run may have opened it
  const libraryId = `county-${year}`;
  expect((await call(`/indicator-libraries/${libraryId}/categories`, { category: { id: `edu-${run}`, name: `教育-${run}` } })).status).toBe(201);
  for (const [id, name, level1, level2, explanation] of [
    [`T-${run}`, timeliness, 'output', 'timeliness', '按时拨付的资金占应拨付资金的比例'],
    [`S-${run}`, satisfaction, 'satisfaction', 'service-recipient', '受益对象对项目实施效果的满意程度'],
  ]) {
    const res = await call(`/indicator-libraries/${libraryId}/indicators`, {
      indicator: { id, categoryId: `edu-${run}`, name, level1, level2, unitOfMeasure: '%', direction: '>=', explanation, dataSource: '财政国库支付系统', kind: 'common' },
    });
    expect(res.status).toBe(201);
  }
}

/** A tab of its own for each person, signed in through the sign-in page with a sample identity. */
async function signIn(who: string, role: string, sub: string, unit?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${consoleUrl}/`);
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  await choose(page, page.locator('#sign-in_role'), role);
  if (unit) await page.locator('#sign-in_unit').fill(unit);
  await page.locator('#sign-in_sub').fill(sub);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('who').waitFor();
  pages[who] = page;
  return page;
}

const indicatorCard = (page: Page, name: string) => page.locator('[data-testid^="indicator-"]', { hasText: name });
const statusIs = (page: Page, label: string) => page.getByTestId('goal-status').filter({ hasText: label });

async function addIndividual(page: Page, name: string, level1: string, level2: string, unit: string, target: string) {
  await page.getByRole('button', { name: '添加个性指标' }).click();
  const card = page.locator('[data-testid^="indicator-"]').last();
  await card.locator('input[id$="_name"]').fill(name);
  await choose(page, card.locator('input[id$="_level1"]'), level1);
  await choose(page, card.locator('input[id$="_level2"]'), level2);
  await card.locator('input[id$="_unitOfMeasure"]').fill(unit);
  await card.locator('input[id$="_annualTarget"]').fill(target);
}

async function saveGoal(page: Page) {
  await page.getByRole('button', { name: '保存目标表' }).click();
  await page.getByText('目标表已保存').waitFor();
}

async function submitGoal(page: Page) {
  await page.getByRole('button', { name: '提交审核' }).click();
  await statusIs(page, '已提交审核').waitFor();
}

/** From the inbox (filtered by unit on the server) to the review page of this run's project, once the task is there. */
async function openReview(page: Page, submission: number) {
  await page.goto(`${consoleUrl}/reviewer/tasks`);
  await page.getByLabel('预算单位').fill(unitA);
  const row = page.locator('tr', { hasText: projectName }).filter({ hasText: `第${submission}次` });
  await until(`the task of submission ${submission} is in the inbox`, async () => {
    await page.getByRole('button', { name: '查询' }).click();
    await row.waitFor({ timeout: 3000 });
    return true;
  });
  return row;
}

/** Sends the decision; while the review workflow is still catching up (404/409), tries again. */
async function sendDecision(page: Page, expect: { refusal?: string }) {
  await until('the decision is taken', async () => {
    await page.getByRole('button', { name: '提交审核结论' }).click();
    const problem = page.getByTestId('problem');
    const outcome = await Promise.race([
      page.waitForURL(/\/reviewer\/tasks$/, { timeout: 10_000 }).then(() => 'done'),
      problem.waitFor({ timeout: 10_000 }).then(() => problem.textContent()),
    ]);
    if (expect.refusal) return (outcome ?? '').includes(expect.refusal);
    return outcome === 'done';
  });
}

/** The steps tell one story: after a failed step the next ones fail at once instead of waiting out their timeouts. */
let broken: string | undefined;
function step(name: string, body: () => Promise<void>) {
  it(name, async () => {
    if (broken) throw new Error(`not run: an earlier step failed (${broken})`);
    try {
      await body();
    } catch (e) {
      broken = name;
      throw e;
    }
  });
}

describe('the goal path in the console, in a real browser', () => {
  step('a unit registers its project, and the API\'s Chinese message appears next to the field it refuses', async () => {
    const page = await signIn('unitA', '预算单位用户', `zhang-${run}`, unitA);
    await page.getByText('暂无项目：请先登记项目').waitFor();
    await page.getByRole('button', { name: '登记项目' }).click();
    await page.locator('.ant-modal #name').fill(projectName);
    await page.locator('.ant-modal #amount').fill('1200000');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForURL(/\/unit\/projects\/[0-9a-f-]{36}$/);
    projectId = page.url().split('/').pop() ?? '';

    await page.locator('#goal_overallGoal').fill('完成全县义务教育学校校舍改造，改善办学条件');
    await page.getByRole('button', { name: '从指标库选择共性指标' }).click();
    for (const name of [timeliness, satisfaction]) await page.locator('.ant-tree-treenode', { hasText: name }).locator('.ant-tree-checkbox').click();
    await page.getByRole('button', { name: '加入目标表' }).click();
    await indicatorCard(page, timeliness).locator('input[id$="_annualTarget"]').fill('95');
    await indicatorCard(page, satisfaction).locator('input[id$="_annualTarget"]').fill('90');
    await addIndividual(page, '改造校舍面积', '产出指标', '数量指标', '平方米', '0');
    await addIndividual(page, '受益学生人数', '效益指标', '社会效益指标', '人', '3500');

    await page.getByRole('button', { name: '保存目标表' }).click();
    const explain = indicatorCard(page, '改造校舍面积').locator('.ant-form-item-has-error .ant-form-item-explain-error');
    await explain.first().waitFor();
    expect(await explain.first().textContent()).toMatch(/必然达成/);
    await screenshot(page, '01-unit-inline-validation');
  });

  step('the unit corrects the target, saves and submits the goal', async () => {
    const page = pages['unitA'];
    await indicatorCard(page, '改造校舍面积').locator('input[id$="_annualTarget"]').fill('8000');
    await saveGoal(page);
    await submitGoal(page);
    await screenshot(page, '02-unit-submitted');
  });

  step('the reviewer finds it in the inbox; a return without per-indicator comments is refused as the API words it', async () => {
    const page = await signIn('reviewer', '财政绩效审核人员', `wang-${run}`);
    const row = await openReview(page, 1);
    await screenshot(page, '03-reviewer-inbox');
    await row.getByRole('link', { name: projectName }).click();
    await page.getByText('绩效指标与指标库定义').waitFor();
    await page.getByText('按时拨付的资金占应拨付资金的比例').waitFor(); // the library's definition beside the goal
    await page.getByLabel('退回修改').check();
    await choose(page, page.locator('#review_rating'), '中');
    await sendDecision(page, { refusal: '退回修改须逐项填写指标审核意见' });
    await screenshot(page, '04-reviewer-refused-as-worded');
  });

  step('the reviewer returns it with a comment on one indicator', async () => {
    const page = pages['reviewer'];
    await page.getByTestId('comment-改造校舍面积').fill(returnComment);
    await screenshot(page, '05-reviewer-return');
    await sendDecision(page, {});
  });

  step('the unit finds its project by code, sees the comment on that indicator, revises and resubmits', async () => {
    const page = pages['unitA'];
    await page.goto(`${consoleUrl}/unit/projects`);
    await page.getByLabel('项目名称或编码').fill(projectId);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: projectName }).click();
    await until('the goal shows as returned', async () => {
      await page.reload();
      await statusIs(page, '已退回修改').waitFor({ timeout: 5000 });
      return true;
    });
    expect(await page.getByTestId('return-comments').textContent()).toContain(`改造校舍面积：${returnComment}`);
    expect(await indicatorCard(page, '改造校舍面积').getByTestId('reviewer-comment').textContent()).toContain(returnComment);
    expect(await indicatorCard(page, '受益学生人数').getByTestId('reviewer-comment').count()).toBe(0);
    await screenshot(page, '06-unit-sees-comment');
    await indicatorCard(page, '改造校舍面积').locator('input[id$="_annualTarget"]').fill('12000');
    await saveGoal(page);
    await submitGoal(page);
  });

  step('the reviewer approves the resubmitted goal as 良', async () => {
    const page = pages['reviewer'];
    const row = await openReview(page, 2);
    await row.getByRole('link', { name: projectName }).click();
    await page.getByLabel('审核通过').check();
    await choose(page, page.locator('#review_rating'), '良');
    await page.locator('#review_comments').fill('目标明确，指标合理');
    await screenshot(page, '07-reviewer-approve');
    await sendDecision(page, {});

    const unit = pages['unitA'];
    await until('the unit sees the goal approved', async () => {
      await unit.reload();
      await statusIs(unit, '已批复').waitFor({ timeout: 5000 });
      return true;
    });
    expect(await unit.locator('.ant-descriptions-item', { hasText: '审核等级' }).textContent()).toContain('良');
    await screenshot(unit, '08-unit-approved');
  });

  step("the auditor opens the record's timeline and sees an intact chain", async () => {
    const page = await signIn('auditor', '审计监督人员', `sun-${run}`);
    await page.getByLabel('项目名称或编码').fill(projectName);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: projectName }).click();
    const verdict = page.getByTestId('chain-verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain('哈希链完整');
    const timeline = await page.getByTestId('timeline').textContent();
    for (const event of ['项目登记', '提交审核', '退回修改', '审核通过（批复）']) expect(timeline).toContain(event);
    expect(timeline).toContain(`wang-${run}`);
    // A minute from now, as the clerk types it in Beijing time (the browser's zone here).
    const beijing = new Date(Date.now() + 60_000 + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    await page.locator('.ant-picker input').fill(beijing);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '查看' }).click();
    expect(await page.getByTestId('as-of').textContent()).toContain('已批复');
    await page.evaluate(() => window.scrollTo(0, 0)); // the verdict and the first events in view
    await screenshot(page, '09-auditor-timeline');
  });

  step('a finance admin sees the library as a tree of three levels and the coverage chart', async () => {
    const page = await signIn('admin', '财政绩效管理人员', `zhao-${run}`);
    const tree = page.getByTestId('library-tree');
    await tree.getByText(timeliness).waitFor();
    expect(await tree.textContent()).toMatch(/产出指标.*时效指标/);
    await tree.getByText(timeliness).click();
    await page.getByText('按时拨付的资金占应拨付资金的比例').waitFor();
    await screenshot(page, '10-admin-library');
    await page.getByRole('link', { name: '绩效目标覆盖率' }).click();
    await page.getByTestId('coverage-chart').locator('canvas').waitFor();
    await screenshot(page, '11-admin-coverage');
  });

  step('a user of another unit cannot reach the goal by its URL', async () => {
    const page = await signIn('unitX', '预算单位用户', `li-${run}`, unitX);
    await page.goto(`${consoleUrl}/unit/projects/${projectId}`);
    const error = page.getByTestId('page-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(`未找到项目“${projectId}”的绩效目标`);
    expect(await page.getByText(projectName).count()).toBe(0);
    await page.goto(`${consoleUrl}/unit/projects`);
    await page.getByText('暂无项目：请先登记项目').waitFor();
    await screenshot(page, '12-other-unit-refused');
  });
});
