import { ModalForm, ProFormDigit, ProFormSelect, ProFormSwitch, ProFormText, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { Page, ProjectRow } from '../../api/views';
import { ProblemAlert } from '../../shared/PageState';
import { BUDGET_LABELS, GOAL_STATUS_COLORS, GOAL_STATUS_LABELS, PROJECT_TYPE_LABELS } from '../../shared/labels';
import { projectQuery } from './project-query';

type NewProject = components['schemas']['ProjectDto'];

const columns: ProColumns<ProjectRow>[] = [
  { title: '项目名称或编码', dataIndex: 'search', hideInTable: true },
  { title: '项目名称', dataIndex: 'name', search: false, render: (_, r) => <Link to={`/unit/projects/${r.projectId}`}>{r.name}</Link> },
  { title: '项目编码', dataIndex: 'projectId', search: false, copyable: true, ellipsis: true, width: 180 },
  { title: '预算年度', dataIndex: 'fiscalYear', valueType: 'digit', width: 100, render: (_, r) => r.fiscalYear },
  { title: '预算类型', dataIndex: 'budget', valueEnum: Object.fromEntries(Object.entries(BUDGET_LABELS).map(([k, text]) => [k, { text }])) },
  { title: '项目类型', dataIndex: 'projectType', search: false, render: (_, r) => PROJECT_TYPE_LABELS[r.projectType] ?? r.projectType },
  { title: '预算金额（元）', dataIndex: 'amount', search: false, valueType: 'money' },
  {
    title: '绩效目标状态',
    dataIndex: 'status',
    valueEnum: Object.fromEntries(Object.entries(GOAL_STATUS_LABELS).filter(([k]) => k !== 'unregistered').map(([k, text]) => [k, { text }])),
    render: (_, r) => <Tag color={GOAL_STATUS_COLORS[r.status]}>{GOAL_STATUS_LABELS[r.status] ?? r.status}</Tag>,
  },
  { title: '操作', valueType: 'option', render: (_, r) => [<Link key="open" to={`/unit/projects/${r.projectId}`}>{['draft', 'returned'].includes(r.status) ? '填报' : '查看'}</Link>] },
];

/** 我的项目: the unit's projects (the API shows a unit only its own), searched and paged on the server. */
export function ProjectsPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  return (
    <ProTable<ProjectRow>
      rowKey="projectId"
      columns={columns}
      search={{ labelWidth: 'auto' }}
      pagination={{ defaultPageSize: 10, showSizeChanger: true }}
      locale={{ emptyText: '暂无项目：请先登记项目' }}
      request={async (params) => {
        const { data } = await unwrap(api.GET('/projects', { params: { query: projectQuery(params) } }));
        const page = data as unknown as Page<ProjectRow>;
        return { data: page.items, total: page.total, success: true };
      }}
      toolBarRender={() => [
        <ModalForm<NewProject>
          key="register"
          title="登记项目"
          trigger={<Button type="primary">登记项目</Button>}
          modalProps={{ destroyOnClose: true, onCancel: () => setError(undefined) }}
          initialValues={{ fiscalYear: new Date().getFullYear(), budget: 'general-public', projectType: 'ordinary', isNew: false }}
          onFinish={async (project) => {
            setError(undefined);
            try {
              const { data } = await unwrap(api.POST('/projects', { body: { project } }));
              navigate(`/unit/projects/${data.projectId}`);
              return true;
            } catch (e) {
              setError(e);
              return false;
            }
          }}
        >
          <ProblemAlert error={error} />
          <ProFormText name="name" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]} />
          <ProFormDigit name="fiscalYear" label="预算年度" min={2000} max={2100} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写预算年度' }]} />
          <ProFormSelect name="budget" label="预算类型" valueEnum={BUDGET_LABELS} rules={[{ required: true, message: '请选择预算类型' }]} />
          <ProFormSelect name="projectType" label="项目类型" valueEnum={PROJECT_TYPE_LABELS} rules={[{ required: true, message: '请选择项目类型' }]} />
          <ProFormDigit name="amount" label="预算金额（元）" min={0.01} fieldProps={{ precision: 2 }} rules={[{ required: true, message: '请填写预算金额' }]} />
          <ProFormSwitch name="isNew" label="新增项目" />
        </ModalForm>,
      ]}
    />
  );
}
