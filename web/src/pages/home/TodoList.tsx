import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Empty, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { DashboardSection, TodoItem } from '../../../../contracts/dashboard.ts';
import { formatCell } from '../../components/format.ts';

type TodoSectionData = Extract<DashboardSection, { kind: 'todo' }>;

const STATE: Record<TodoItem['state'], { color: string; icon: ReactNode; text: string }> = {
  overdue: { color: 'red', icon: <ExclamationCircleOutlined />, text: '已逾期' },
  due: { color: 'orange', icon: <ClockCircleOutlined />, text: '待办理' },
  done: { color: 'green', icon: <CheckCircleOutlined />, text: '无待办' },
};

const LINK = { display: 'flex', alignItems: 'center', gap: 8, width: '100%', color: 'inherit' } as const;

/** Items waiting come first (overdue before due); done ones stay below so the user sees nothing was forgotten. */
const ORDER: Record<TodoItem['state'], number> = { overdue: 0, due: 1, done: 2 };

/** "What do I have to do today": each item with its count, its date and a link to the page where it is done. */
export function TodoList({ section }: { section: TodoSectionData }) {
  const items = [...section.items].sort((a, b) => ORDER[a.state] - ORDER[b.state]);
  const waiting = items.filter((i) => i.state !== 'done').length;
  return (
    <Card
      title={section.title}
      className="cj-section"
      data-section={section.key}
      styles={{ body: { padding: '0 16px' } }}
      extra={<Typography.Text type="secondary">{waiting ? `${waiting} 项待办` : '今日无待办'}</Typography.Text>}
    >
      {items.length === 0 ? (
        <Empty description="暂无待办事项" />
      ) : (
        <List
          dataSource={items}
          rowKey="key"
          renderItem={(item) => (
            <List.Item data-testid="todo-item" data-key={item.key} data-state={item.state}>
              <Link to={item.href} style={LINK}>
                <List.Item.Meta
                  avatar={
                    <Tag color={STATE[item.state].color} icon={STATE[item.state].icon}>
                      {STATE[item.state].text}
                    </Tag>
                  }
                  title={
                    <span>
                      {item.label}
                      {item.count !== null && item.count > 0 && (
                        <Typography.Text strong>
                          {' '}
                          {formatCell(item.count)} {item.unit ?? '项'}
                        </Typography.Text>
                      )}
                    </span>
                  }
                  description={[item.due && `截止 ${item.due}`, item.detail].filter(Boolean).join(' · ') || undefined}
                />
                <RightOutlined aria-hidden />
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
