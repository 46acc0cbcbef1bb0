import { Card, Input, InputNumber, Space, Statistic } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { CoverageView } from '../../api/views';
import { PageState } from '../../shared/PageState';
import { useLoad } from '../../shared/useLoad';

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

/** 绩效目标全覆盖: projects and approved goals per budget (四本预算), for the year and optionally one unit. */
export function CoveragePage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [unitId, setUnitId] = useState('');
  const loaded = useLoad(
    () => unwrap(api.GET('/coverage', { params: { query: { fiscalYear: year, unitId: unitId.trim() || undefined } } })).then((a) => a.data as unknown as CoverageView),
    [year, unitId],
  );
  const rows = loaded.data?.byBudget ?? [];
  const total = loaded.data?.total;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        预算年度 <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
        预算单位 <Input allowClear placeholder="全部单位" value={unitId} onChange={(e) => setUnitId(e.target.value)} style={{ width: 140 }} />
      </Space>
      <PageState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} empty={!total || total.projects === 0} emptyText="该年度尚无登记的项目">
        {total && (
          <Space size="large">
            <Statistic title="项目数" value={total.projects} />
            <Statistic title="已批复绩效目标" value={total.approved} />
            <Statistic title="覆盖率" value={percent(total.ratio)} />
          </Space>
        )}
        <Card title="按预算类型的覆盖情况" data-testid="coverage-chart">
          <ReactECharts
            style={{ height: 360 }}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { data: ['项目数', '已批复', '覆盖率'] },
              xAxis: { type: 'category', data: rows.map((r) => r.budgetLabel) },
              yAxis: [
                { type: 'value', name: '项目数', minInterval: 1 },
                { type: 'value', name: '覆盖率', max: 100, axisLabel: { formatter: '{value}%' } },
              ],
              series: [
                { name: '项目数', type: 'bar', data: rows.map((r) => r.projects) },
                { name: '已批复', type: 'bar', data: rows.map((r) => r.approved) },
                { name: '覆盖率', type: 'line', yAxisIndex: 1, data: rows.map((r) => Number((r.ratio * 100).toFixed(1))) },
              ],
            }}
          />
        </Card>
      </PageState>
    </Space>
  );
}
