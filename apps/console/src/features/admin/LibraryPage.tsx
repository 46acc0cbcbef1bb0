import { Card, Descriptions, Empty, Input, InputNumber, Space, Tag, Tree } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { libraryIdOf, type LibraryIndicator, type LibraryView } from '../../api/views';
import { PageState } from '../../shared/PageState';
import { DIRECTION_LABELS, KIND_LABELS } from '../../shared/labels';
import { useLoad } from '../../shared/useLoad';
import { libraryTree } from '../unit/goal-form/IndicatorPicker';

/** 指标库: a region's library of one year, as the tree of three levels; picking an indicator shows its definition. */
export function LibraryPage() {
  const [region, setRegion] = useState('county');
  const [year, setYear] = useState(new Date().getFullYear());
  const [selected, setSelected] = useState<LibraryIndicator>();
  const libraryId = libraryIdOf(region, year);
  const loaded = useLoad(
    () => unwrap(api.GET('/indicator-libraries/{libraryId}', { params: { path: { libraryId } } })).then((a) => a.data as unknown as LibraryView),
    [libraryId],
  );
  const indicators = Object.values(loaded.data?.indicators ?? {});
  const categories = loaded.data?.categories ?? {};
  const tree = libraryTree(indicators, (i) => ({
    key: i.id,
    title: (
      <Space size={4}>
        {i.name}
        <Tag color={i.kind === 'common' ? 'blue' : 'green'}>{KIND_LABELS[i.kind]}</Tag>
        {i.status === 'retired' && <Tag>已停用</Tag>}
        <Tag>{categories[i.categoryId]?.name ?? i.categoryId}</Tag>
      </Space>
    ),
  }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        区划 <Input value={region} onChange={(e) => setRegion(e.target.value)} style={{ width: 120 }} />
        预算年度 <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
        <span>指标库：{libraryId}</span>
      </Space>
      <PageState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} empty={tree.length === 0} emptyText="该年度指标库中尚无指标">
        <div style={{ display: 'flex', gap: 16 }}>
          <Card title={`${year}年度指标（共${indicators.length}项）`} style={{ flex: 1 }} data-testid="library-tree">
            <Tree defaultExpandAll treeData={tree} onSelect={(keys) => setSelected(indicators.find((i) => i.id === keys[0]))} />
          </Card>
          <Card title="指标定义" style={{ width: 380 }}>
            {selected ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label="编号">{selected.id}</Descriptions.Item>
                <Descriptions.Item label="名称">{selected.name}</Descriptions.Item>
                <Descriptions.Item label="方向">{DIRECTION_LABELS[selected.direction]}</Descriptions.Item>
                <Descriptions.Item label="计量单位">{selected.unitOfMeasure ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="指标解释">{selected.explanation}</Descriptions.Item>
                <Descriptions.Item label="数据来源">{selected.dataSource}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty description="在左侧选择一个指标查看定义" />
            )}
          </Card>
        </div>
      </PageState>
    </Space>
  );
}
