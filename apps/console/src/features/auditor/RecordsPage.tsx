import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { Page, ProjectRow } from '../../api/views';
import { GOAL_STATUS_COLORS, GOAL_STATUS_LABELS } from '../../shared/labels';
import { projectQuery } from '../unit/project-query';

const columns: ProColumns<ProjectRow>[] = [
  { title: '项目名称或编码', dataIndex: 'search', hideInTable: true },
  { title: '项目名称', dataIndex: 'name', search: false, render: (_, r) => <Link to={`/auditor/records/${r.projectId}`}>{r.name}</Link> },
  { title: '项目编码', dataIndex: 'projectId', search: false, copyable: true, ellipsis: true, width: 180 },
  { title: '预算单位', dataIndex: 'unitId', search: false },
  { title: '预算年度', dataIndex: 'fiscalYear', valueType: 'digit', render: (_, r) => r.fiscalYear },
  { title: '状态', dataIndex: 'status', search: false, render: (_, r) => <Tag color={GOAL_STATUS_COLORS[r.status]}>{GOAL_STATUS_LABELS[r.status] ?? r.status}</Tag> },
  { title: '操作', valueType: 'option', render: (_, r) => [<Link key="timeline" to={`/auditor/records/${r.projectId}`}>时间线</Link>] },
];

/** 记录查询: find a project's record by name or code, then open its timeline. */
export function RecordsPage() {
  return (
    <ProTable<ProjectRow>
      rowKey="projectId"
      columns={columns}
      search={{ labelWidth: 'auto' }}
      pagination={{ defaultPageSize: 10 }}
      locale={{ emptyText: '没有符合条件的记录' }}
      request={async (params) => {
        const { data } = await unwrap(api.GET('/projects', { params: { query: projectQuery(params) } }));
        const page = data as unknown as Page<ProjectRow>;
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}
