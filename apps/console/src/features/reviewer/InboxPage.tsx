import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';
import type { Page, TaskRow } from '../../api/views';
import { TASK_STATUS_LABELS } from '../../shared/labels';

type TaskQuery = NonNullable<operations['TasksController_list']['parameters']['query']>;

const deadline = (r: TaskRow) => {
  const days = dayjs(r.dueAt).startOf('day').diff(dayjs().startOf('day'), 'day');
  return (
    <Space>
      <span>{dayjs(r.dueAt).format('YYYY-MM-DD')}</span>
      {r.overdue || (r.status === 'open' && days < 0) ? (
        <Tag color="red" data-testid="overdue">已逾期</Tag>
      ) : r.status === 'open' && days <= 2 ? (
        <Tag color="orange">{days === 0 ? '今日到期' : `剩${days}天`}</Tag>
      ) : null}
    </Space>
  );
};

const columns: ProColumns<TaskRow>[] = [
  { title: '项目名称', dataIndex: 'projectName', search: false, render: (_, r) => <Link to={`/reviewer/tasks/${r.projectId}/rounds/${r.reviewRound}`}>{r.projectName}</Link> },
  { title: '预算单位', dataIndex: 'unitId' },
  { title: '预算年度', dataIndex: 'fiscalYear', valueType: 'digit', render: (_, r) => r.fiscalYear },
  { title: '任务状态', dataIndex: 'status', initialValue: 'open', valueEnum: Object.fromEntries(Object.entries(TASK_STATUS_LABELS).map(([k, text]) => [k, { text }])) },
  { title: '类型', dataIndex: 'isAdjustment', search: false, render: (_, r) => (r.isAdjustment ? '调整申请' : '新申报') },
  { title: '轮次/提交', dataIndex: 'submission', search: false, render: (_, r) => `第${r.reviewRound}轮 第${r.submission}次` },
  { title: '提交时间', dataIndex: 'submittedAt', search: false, valueType: 'dateTime' },
  // The server answers by deadline, earliest first; a page can be re-sorted either way.
  { title: '审核截止', dataIndex: 'dueAt', search: false, sorter: (a, b) => dayjs(a.dueAt).valueOf() - dayjs(b.dueAt).valueOf(), render: (_, r) => deadline(r) },
  {
    title: '逾期',
    dataIndex: 'overdue',
    search: false,
    filters: [
      { text: '已逾期', value: true },
      { text: '未逾期', value: false },
    ],
    onFilter: (value, r) => r.overdue === value,
    render: (_, r) => (r.overdue ? '是' : '否'),
  },
  { title: '操作', valueType: 'option', render: (_, r) => (r.status === 'open' ? [<Link key="review" to={`/reviewer/tasks/${r.projectId}/rounds/${r.reviewRound}`}>审核</Link>] : []) },
];

/** 审核待办: the reviewer's tasks by deadline, with overdue marks; filters go to the server. */
export function InboxPage() {
  return (
    <ProTable<TaskRow>
      rowKey="taskId"
      columns={columns}
      search={{ labelWidth: 'auto' }}
      pagination={{ defaultPageSize: 10, showSizeChanger: true }}
      locale={{ emptyText: '暂无待办任务' }}
      request={async (params) => {
        const year = Number(params['fiscalYear']);
        const query: TaskQuery = {
          page: params.current ?? 1,
          pageSize: params.pageSize ?? 10,
          status: (params['status'] || undefined) as TaskQuery['status'],
          unitId: typeof params['unitId'] === 'string' && params['unitId'].trim() ? params['unitId'].trim() : undefined,
          fiscalYear: Number.isInteger(year) && year > 0 ? year : undefined,
        };
        const { data } = await unwrap(api.GET('/tasks', { params: { query } }));
        const page = data as unknown as Page<TaskRow>;
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}
