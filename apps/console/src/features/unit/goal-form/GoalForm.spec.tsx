import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiProblem } from '../../../api/problem';
import type { GoalDeclaration } from '../../../api/views';
import { formPathOf } from './field-paths';
import { GoalForm } from './GoalForm';

const declaration: GoalDeclaration = {
  overallGoal: '完成全县义务教育学校校舍改造',
  indicators: [
    { name: '改造校舍面积', level1: 'output', level2: 'quantity', kind: 'individual', direction: '>=', unitOfMeasure: '平方米', annualTarget: 8000 },
    { indicatorId: 'T1', name: '资金拨付及时率', level1: 'output', level2: 'timeliness', kind: 'common', direction: '>=', unitOfMeasure: '%', annualTarget: 95 },
  ],
};

/** The API's problem+json for a declaration it refuses, as the gateway sends it. */
const refusal = (errors: { field: string; message: string }[], detail = `提交的数据有 ${errors.length} 处不符合要求`) =>
  new ApiProblem(422, { type: 'about:blank', title: '不符合规则', status: 422, code: 'DECLARATION_INVALID', detail, errors });

// Ant Design renders slowly in jsdom on a loaded machine: generous waits, the same assertions.
jest.setTimeout(60_000);
const slow = { timeout: 20_000 };

const save = () => fireEvent.click(screen.getByRole('button', { name: /保存目标表/ }));
const itemOf = (id: string) => document.getElementById(id)?.closest('.ant-form-item') as HTMLElement;

describe('the goal form (绩效目标表)', () => {
  it('refuses a blank overall goal before calling the API, with the message next to the field', async () => {
    const onSave = jest.fn();
    render(<GoalForm initial={{ ...declaration, overallGoal: '' }} onSave={onSave} />);
    save();
    expect(await within(itemOf('goal_overallGoal')).findByText('请填写年度总体目标', {}, slow)).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it("shows the API's Chinese message next to the indicator field it names", async () => {
    const onSave = jest.fn().mockRejectedValue(
      refusal([{ field: 'declaration.indicators[0].annualTarget', message: '指标“改造校舍面积”方向为“≥”，年度指标值为0则必然达成，请设置有实际意义的年度指标值' }]),
    );
    render(<GoalForm initial={declaration} onSave={onSave} />);
    save();
    const item = await waitFor(() => {
      const element = itemOf('goal_indicators_0_annualTarget');
      within(element).getByText(/为0则必然达成/);
      return element;
    }, slow);
    expect(item.className).toContain('ant-form-item-has-error');
    // The other indicator's target is not blamed.
    expect(within(itemOf('goal_indicators_1_annualTarget')).queryByText(/必然达成/)).toBeNull();
    expect(screen.getByTestId('goal-problem').textContent).toContain('提交的数据有 1 处不符合要求');
  });

  it('sends numbers for quantitative targets and keeps the library id of a common indicator', async () => {
    const onSave = jest.fn().mockResolvedValue(undefined);
    render(<GoalForm initial={declaration} onSave={onSave} />);
    fireEvent.change(document.getElementById('goal_indicators_0_annualTarget') as HTMLElement, { target: { value: '12000' } });
    save();
    await waitFor(() => expect(onSave).toHaveBeenCalled(), slow);
    const sent: GoalDeclaration = onSave.mock.calls[0][0];
    expect(sent.indicators[0]).toMatchObject({ name: '改造校舍面积', annualTarget: 12000 });
    expect(sent.indicators[1]).toMatchObject({ indicatorId: 'T1', kind: 'common', annualTarget: 95 });
  });

  it('shows a rule about the whole goal above the form, worded by the API', async () => {
    const onSave = jest.fn().mockRejectedValue(refusal([{ field: 'declaration.indicators', message: '须至少包含一项满意度指标' }], '须至少包含一项满意度指标'));
    render(<GoalForm initial={declaration} onSave={onSave} />);
    save();
    expect((await screen.findByTestId('goal-problem', {}, slow)).textContent).toContain('须至少包含一项满意度指标');
  });

  it("shows the reviewer's comment on the indicator it names", () => {
    render(<GoalForm initial={declaration} comments={[{ indicatorName: '改造校舍面积', comment: '目标值偏低' }]} onSave={jest.fn()} />);
    expect(within(screen.getByTestId('indicator-0')).getByText('审核意见：目标值偏低')).toBeTruthy();
    expect(within(screen.getByTestId('indicator-1')).queryByTestId('reviewer-comment')).toBeNull();
  });
});

describe('field paths of the API in the form', () => {
  it.each([
    ['declaration.overallGoal', ['overallGoal']],
    ['declaration.indicators[2].annualTarget', ['indicators', 2, 'annualTarget']],
    ['declaration.indicators[1]', ['indicators', 1, 'name']],
    ['declaration.indicators', undefined],
    ['declaration.keyTasks[0].name', undefined],
    ['declaration.indicators[0].weight', undefined],
    [undefined, undefined],
  ])('%s → %j', (field, path) => {
    expect(formPathOf(field, ['name', 'annualTarget'])).toEqual(path);
  });
});
