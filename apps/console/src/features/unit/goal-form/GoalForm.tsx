import { Alert, Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiProblem, messageOf } from '../../../api/problem';
import type { DeclaredIndicator, GoalDeclaration, IndicatorComment, LibraryIndicator, LibraryView } from '../../../api/views';
import { DIRECTION_LABELS, KIND_LABELS, LEVEL1_LABELS, LEVEL2_BY_LEVEL1, LEVEL2_LABELS } from '../../../shared/labels';
import { formPathOf } from './field-paths';
import { IndicatorPicker } from './IndicatorPicker';

/** A row as the form holds it: the target as typed, turned into a number on saving when it is one. */
type IndicatorRow = Omit<DeclaredIndicator, 'annualTarget'> & { annualTarget?: string };
interface FormValues {
  overallGoal?: string;
  indicators?: IndicatorRow[];
}

const ROW_FIELDS = ['indicatorId', 'name', 'level1', 'level2', 'direction', 'unitOfMeasure', 'annualTarget'];

const toRow = (i: DeclaredIndicator): IndicatorRow => ({ ...i, annualTarget: i.annualTarget === undefined ? undefined : String(i.annualTarget) });

const fromRow = (r: IndicatorRow): DeclaredIndicator => {
  const text = r.annualTarget?.trim();
  const numeric = text !== undefined && text !== '' && r.direction !== 'qualitative' && Number.isFinite(Number(text));
  const indicator: DeclaredIndicator = { ...r, annualTarget: text === '' ? undefined : numeric ? Number(text) : text };
  if (!indicator.unitOfMeasure) delete indicator.unitOfMeasure;
  if (!indicator.indicatorId) delete indicator.indicatorId;
  return indicator;
};

const fromLibrary = (i: LibraryIndicator): IndicatorRow => ({
  indicatorId: i.id,
  name: i.name,
  level1: i.level1,
  level2: i.level2,
  kind: 'common',
  direction: i.direction,
  unitOfMeasure: i.unitOfMeasure,
});

const options = (labels: Record<string, string>, keys = Object.keys(labels)) => keys.map((value) => ({ value, label: labels[value] }));

export interface GoalFormProps {
  initial?: GoalDeclaration;
  library?: LibraryView;
  /** The reviewer's comments from the last return, shown on the indicator they name. */
  comments?: IndicatorComment[];
  disabled?: boolean;
  /** Saves the declaration; an ApiProblem it throws is shown field by field. */
  onSave: (declaration: GoalDeclaration) => Promise<void>;
}

/**
 * 绩效目标表: the overall goal and the indicators, common ones chosen from the library (their
 * definition fixed, only the target set here) and individual ones added by the unit. The rules
 * are the API's: its Chinese messages appear next to the field they name.
 */
export function GoalForm({ initial, library, comments = [], disabled, onSave }: GoalFormProps) {
  const [form] = Form.useForm<FormValues>();
  const [picking, setPicking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<{ detail: string; others: string[] }>();
  const indicators: IndicatorRow[] = Form.useWatch('indicators', form) ?? [];

  const save = async (values: FormValues) => {
    setProblem(undefined);
    setSaving(true);
    try {
      await onSave({ overallGoal: values.overallGoal?.trim() ?? '', indicators: (values.indicators ?? []).map(fromRow) });
    } catch (error) {
      if (!(error instanceof ApiProblem)) {
        setProblem({ detail: messageOf(error), others: [] });
        return;
      }
      const others: string[] = [];
      const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
      for (const { field, message } of error.fieldErrors) {
        const name = formPathOf(field, ROW_FIELDS);
        if (!name) {
          others.push(message);
          continue;
        }
        const key = name.join('.');
        byPath.set(key, { name, errors: [...(byPath.get(key)?.errors ?? []), message] });
      }
      form.setFields([...byPath.values()] as Parameters<typeof form.setFields>[0]);
      setProblem({ detail: error.problem.detail, others: others.filter((m) => m !== error.problem.detail) });
    } finally {
      setSaving(false);
    }
  };

  const commentOn = (name?: string) => comments.filter((c) => c.indicatorName === name);

  return (
    <Form<FormValues>
      form={form}
      name="goal"
      layout="vertical"
      disabled={disabled || saving}
      initialValues={{ overallGoal: initial?.overallGoal, indicators: (initial?.indicators ?? []).map(toRow) }}
      onFinish={save}
      scrollToFirstError
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="goal-problem"
          style={{ marginBottom: 16 }}
          message={problem.detail}
          description={problem.others.length > 0 ? <ul style={{ margin: 0 }}>{problem.others.map((m) => <li key={m}>{m}</li>)}</ul> : undefined}
        />
      )}
      <Form.Item name="overallGoal" label="年度总体目标" rules={[{ required: true, whitespace: true, message: '请填写年度总体目标' }]}>
        <Input.TextArea rows={3} maxLength={4000} showCount placeholder="概括本项目年度内预期达到的产出和效果" />
      </Form.Item>

      <Typography.Title level={5}>绩效指标</Typography.Title>
      <Form.List name="indicators">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && <Typography.Paragraph type="secondary">尚未添加指标：请从指标库选择共性指标，或添加个性指标。</Typography.Paragraph>}
            {fields.map((field) => {
              const row = indicators[field.name] ?? {};
              const common = row.kind === 'common';
              const rowComments = commentOn(row.name);
              return (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  data-testid={`indicator-${field.name}`}
                  title={
                    <Space>
                      <Tag color={common ? 'blue' : 'green'}>{KIND_LABELS[row.kind ?? 'individual']}</Tag>
                      <span>{row.name || `第${field.name + 1}个指标`}</span>
                    </Space>
                  }
                  extra={<Button type="link" danger onClick={() => remove(field.name)}>删除</Button>}
                >
                  {rowComments.map((c) => (
                    <Alert key={c.comment} type="warning" showIcon style={{ marginBottom: 8 }} data-testid="reviewer-comment" message={`审核意见：${c.comment}`} />
                  ))}
                  <Form.Item name={[field.name, 'kind']} hidden><Input /></Form.Item>
                  <Form.Item name={[field.name, 'indicatorId']} hidden><Input /></Form.Item>
                  <Space wrap align="start">
                    <Form.Item name={[field.name, 'name']} label="指标名称" rules={[{ required: true, whitespace: true, message: '请填写指标名称' }]}>
                      <Input disabled={common} style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'level1']} label="一级指标" rules={[{ required: true, message: '请选择一级指标' }]}>
                      <Select disabled={common} style={{ width: 130 }} options={options(LEVEL1_LABELS)} onChange={() => form.setFieldValue(['indicators', field.name, 'level2'], undefined)} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'level2']} label="二级指标" rules={[{ required: true, message: '请选择二级指标' }]}>
                      <Select disabled={common} style={{ width: 170 }} options={options(LEVEL2_LABELS, LEVEL2_BY_LEVEL1[row.level1] ?? [])} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'direction']} label="指标方向" rules={[{ required: true, message: '请选择指标方向' }]}>
                      <Select disabled={common} style={{ width: 100 }} options={options(DIRECTION_LABELS)} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'unitOfMeasure']} label="计量单位">
                      <Input disabled={common} style={{ width: 100 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'annualTarget']} label="年度指标值">
                      <Input style={{ width: 140 }} placeholder={row.direction === 'qualitative' ? '如：明显改善' : '数值'} />
                    </Form.Item>
                  </Space>
                </Card>
              );
            })}
            <Space style={{ marginBottom: 16 }}>
              <Button onClick={() => setPicking(true)} disabled={!library || library.status !== 'open'}>从指标库选择共性指标</Button>
              <Button onClick={() => add({ kind: 'individual', direction: '>=' })}>添加个性指标</Button>
            </Space>
            <IndicatorPicker
              open={picking}
              library={library}
              chosen={indicators.map((i) => i.indicatorId).filter((id): id is string => Boolean(id))}
              onClose={() => setPicking(false)}
              onPick={(picked) => {
                picked.forEach((i) => add(fromLibrary(i)));
                setPicking(false);
              }}
            />
          </>
        )}
      </Form.List>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>保存目标表</Button>
      </Form.Item>
    </Form>
  );
}
